/**
 * Scores suggestions against a hand-made gold sourcing (fixtures/…/gold.json). Pure: no I/O.
 *
 * The conventions of ../shared/ATTRIBUTION.md and docs/attribution-guidelines.md:
 * - content is right when it and the gold span overlap by at least half of each (both ways);
 *   exact content ignores a leading "that", surrounding quotation marks and closing punctuation;
 * - a cue is right when the prediction covers at least half of the gold cue (a prediction that also
 *   takes "in a statement" still matches), a mention when the two overlap by half of each;
 * - a null gold cue or mention (quote continuations) must be predicted null;
 * - `noContent` attributions in the gold are not claims and are ignored.
 * Matching is one-to-one and greedy: candidate (gold, predicted) pairs are sorted by how well they
 * overlap and taken best first, so one prediction never satisfies two gold items. Attribute metrics
 * (type, mode, count) pair claims by content and count a pair only when the attribute agrees.
 */
import type { AttributionKind, SourceType, Span, Suggestion } from "../types";

export interface GoldSpan extends Span {
  text?: string;
}
export interface GoldSource {
  id: string;
  type: SourceType;
  count: number | null;
}
export interface GoldClaim {
  id: string;
  content: GoldSpan;
  source: string;
  sourceMention: GoldSpan | null;
  cue: GoldSpan | null;
  mode: Suggestion["mode"];
  kind?: AttributionKind;
  acceptableSources?: string[];
}
export interface GoldArticle {
  sources: GoldSource[];
  claims: GoldClaim[];
}

export const METRICS = [
  "cue",
  "cueExact",
  "mention",
  "mentionExact",
  "contentExact",
  "contentOverlap",
  "type",
  "mode",
  "count",
  "whole",
] as const;
export type MetricName = (typeof METRICS)[number];
export const KINDS: AttributionKind[] = [
  "speech_quoted",
  "speech_reported",
  "evidence",
  "stance_intention",
  "punctuation",
];
export interface Score {
  tp: number;
  gold: number;
  pred: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface KindRecall {
  gold: number;
  /** Gold claims of this kind matched whole / by cue. */
  whole: number;
  cue: number;
}
export interface ClaimResult {
  id: string;
  kind: AttributionKind | null;
  passed: boolean;
  suggestion: number | null;
  why: string;
}
export interface Evaluation {
  scores: Record<MetricName, Score>;
  kinds: Record<AttributionKind, KindRecall>;
  claims: ClaimResult[];
  /** Predictions matched to no gold claim, by index. */
  extra: number[];
}

/** Share of `gold` covered by `pred`. */
export function overlapRatio(gold: Span, pred: Span): number {
  const shared = Math.min(gold.end, pred.end) - Math.max(gold.start, pred.start);
  return shared <= 0 ? 0 : shared / Math.max(1, gold.end - gold.start);
}
/** Overlap both ways: the smaller of the two shares. */
export const mutualOverlap = (a: Span, b: Span) => Math.min(overlapRatio(a, b), overlapRatio(b, a));

const covers = (g: Span | null, p: Span | null) => (g === null ? p === null : p !== null && overlapRatio(g, p) >= 0.5);
const mutual = (g: Span | null, p: Span | null) => (g === null ? p === null : p !== null && mutualOverlap(g, p) >= 0.5);
const closeness = (g: Span | null, p: Span | null) => (g === null ? (p === null ? 1 : 0) : p ? mutualOverlap(g, p) : 0);

/** Content offsets without a leading "that", surrounding quote marks and closing punctuation. */
export function normalizeContent(text: string, span: Span): Span {
  let { start, end } = span;
  const trimEnd = () => {
    while (end > start && /[\s"“”'‘’«».,;:!?—–-]/.test(text[end - 1])) end--;
  };
  const trimStart = () => {
    while (start < end && /[\s"“”'‘’«»]/.test(text[start])) start++;
  };
  trimStart();
  if (/^that\s/i.test(text.slice(start, start + 5))) start += 5;
  trimStart();
  trimEnd();
  return { start, end };
}

export function makeScore(tp: number, gold: number, pred: number): Score {
  const precision = pred === 0 ? (gold === 0 ? 1 : 0) : tp / pred;
  const recall = gold === 0 ? 1 : tp / gold; // nothing to find: nothing missed
  const f1 = tp === 0 ? (gold === 0 && pred === 0 ? 1 : 0) : (2 * tp) / (gold + pred);
  return { tp, gold, pred, precision, recall, f1 };
}

/** Greedy one-to-one assignment over qualifying pairs, best score first; returns gold index → pred index. */
export function matchGreedy(
  nGold: number,
  nPred: number,
  score: (g: number, p: number) => number | null,
): Map<number, number> {
  const pairs: [number, number, number][] = [];
  for (let g = 0; g < nGold; g++)
    for (let p = 0; p < nPred; p++) {
      const s = score(g, p);
      if (s !== null) pairs.push([s, g, p]);
    }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, g, p] of pairs)
    if (!out.has(g) && !used.has(p)) {
      out.set(g, p);
      used.add(p);
    }
  return out;
}

type Rule = "covers" | "mutual" | "exact";
function matchSpans(gold: Span[], pred: Span[], rule: Rule): Map<number, number> {
  return matchGreedy(gold.length, pred.length, (g, p) => {
    const a = gold[g];
    const b = pred[p];
    if (rule === "exact") return a.start === b.start && a.end === b.end ? 1 : null;
    const r = rule === "covers" ? overlapRatio(a, b) : mutualOverlap(a, b);
    return r >= 0.5 ? mutualOverlap(a, b) + r * 1e-3 : null;
  });
}

const nonNull = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);

export function evaluateSuggestions(gold: GoldArticle, suggestions: Suggestion[], text?: string): Evaluation {
  const claims = gold.claims;
  const sourceOf = new Map(gold.sources.map((s) => [s.id, s]));
  const scores = {} as Record<MetricName, Score>;
  const spans = (rule: Rule, g: (Span | null)[], p: (Span | null)[]) => {
    const gs = nonNull(g);
    const ps = nonNull(p);
    return makeScore(matchSpans(gs, ps, rule).size, gs.length, ps.length);
  };
  const goldCues = claims.map((c) => c.cue);
  const predCues = suggestions.map((s) => s.cue);
  scores.cue = spans("covers", goldCues, predCues);
  scores.cueExact = spans("exact", goldCues, predCues);
  const goldMentions = claims.map((c) => c.sourceMention);
  const predMentions = suggestions.map((s) => s.mention);
  scores.mention = spans("mutual", goldMentions, predMentions);
  scores.mentionExact = spans("exact", goldMentions, predMentions);
  const norm = (s: Span) => (text === undefined ? s : normalizeContent(text, s));
  scores.contentExact = spans(
    "exact",
    claims.map((c) => norm(c.content)),
    suggestions.map((s) => norm(s.content)),
  );
  scores.contentOverlap = spans(
    "mutual",
    claims.map((c) => c.content),
    suggestions.map((s) => s.content),
  );

  const byContent = matchGreedy(claims.length, suggestions.length, (g, p) => {
    const r = mutualOverlap(claims[g].content, suggestions[p].content);
    return r >= 0.5 ? r : null;
  });
  const agree = (test: (g: GoldClaim, s: Suggestion) => boolean) =>
    makeScore(
      [...byContent].filter(([g, p]) => test(claims[g], suggestions[p])).length,
      claims.length,
      suggestions.length,
    );
  const acceptable = (g: GoldClaim) =>
    (g.acceptableSources?.length ? g.acceptableSources : [g.source])
      .map((id) => sourceOf.get(id))
      .filter((s) => s !== undefined);
  scores.type = agree((g, s) => acceptable(g).some((src) => src.type === s.source.type));
  scores.mode = agree((g, s) => g.mode === s.mode);
  scores.count = agree((g, s) => (sourceOf.get(g.source)?.count ?? null) === s.source.count);

  const whole = matchGreedy(claims.length, suggestions.length, (g, p) => {
    const c = claims[g];
    const s = suggestions[p];
    if (!mutual(c.content, s.content) || !mutual(c.sourceMention, s.mention) || !covers(c.cue, s.cue)) return null;
    return closeness(c.content, s.content) + closeness(c.sourceMention, s.mention) + closeness(c.cue, s.cue);
  });
  scores.whole = makeScore(whole.size, claims.length, suggestions.length);

  const cueMatch = matchSpans(
    claims.map((c) => c.cue ?? { start: -2, end: -1 }),
    suggestions.map((s) => s.cue ?? { start: -4, end: -3 }),
    "covers",
  );
  const kinds = Object.fromEntries(KINDS.map((k) => [k, { gold: 0, whole: 0, cue: 0 }])) as Record<
    AttributionKind,
    KindRecall
  >;
  claims.forEach((c, g) => {
    if (!c.kind || !kinds[c.kind]) return;
    kinds[c.kind].gold++;
    if (whole.has(g)) kinds[c.kind].whole++;
    if (c.cue === null ? whole.has(g) : cueMatch.has(g)) kinds[c.kind].cue++;
  });

  const results = claims.map((c, g): ClaimResult => {
    const p = whole.get(g);
    const kind = c.kind ?? null;
    if (p !== undefined) return { id: c.id, kind, passed: true, suggestion: p, why: "" };
    const q = byContent.get(g);
    if (q === undefined)
      return { id: c.id, kind, passed: false, suggestion: null, why: "no suggestion with this content" };
    const s = suggestions[q];
    const why =
      [!mutual(c.sourceMention, s.mention) && "mention", !covers(c.cue, s.cue) && "cue"].filter(Boolean).join("+") +
      " differ";
    return { id: c.id, kind, passed: false, suggestion: q, why };
  });
  const used = new Set([...whole.values(), ...byContent.values()]);
  const extra = suggestions.map((_, i) => i).filter((i) => !used.has(i));
  return { scores, kinds, claims: results, extra };
}

/** Micro-averaged totals over several evaluations. */
export function sumScores(list: Evaluation[]): Record<MetricName, Score> {
  const out = {} as Record<MetricName, Score>;
  for (const m of METRICS) {
    const t = list.reduce(
      (a, e) => ({ tp: a.tp + e.scores[m].tp, gold: a.gold + e.scores[m].gold, pred: a.pred + e.scores[m].pred }),
      { tp: 0, gold: 0, pred: 0 },
    );
    out[m] = makeScore(t.tp, t.gold, t.pred);
  }
  return out;
}

export function sumKinds(list: Evaluation[]): Record<AttributionKind, KindRecall> {
  const out = Object.fromEntries(KINDS.map((k) => [k, { gold: 0, whole: 0, cue: 0 }])) as Record<
    AttributionKind,
    KindRecall
  >;
  for (const e of list)
    for (const k of KINDS) {
      out[k].gold += e.kinds[k].gold;
      out[k].whole += e.kinds[k].whole;
      out[k].cue += e.kinds[k].cue;
    }
  return out;
}
