/**
 * Scores suggestions against a hand-made gold sourcing (fixtures/<name>/gold.json). Pure: no I/O.
 *
 * Matching is one-to-one and greedy: all candidate (gold, predicted) pairs that qualify are sorted by
 * how well they overlap and taken best first, so one prediction can never satisfy two gold items.
 * A span "overlaps" when the shared characters cover at least half of the gold span (the rule in the
 * issue); "exact" needs identical offsets. Attribute metrics (type, mode, count) pair whole claims by
 * content overlap and count a pair correct only when the attribute agrees, so a missed or spurious
 * claim costs recall or precision there too. A "whole" attribution needs mention, cue and content to
 * overlap (a null gold mention or cue, as in quote continuations, must be predicted null).
 */
import type { SourceType, Span, Suggestion } from "./types";

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
  acceptableSources?: string[];
}
export interface GoldArticle {
  sources: GoldSource[];
  claims: GoldClaim[];
}

export const METRICS = ["cue", "mention", "contentExact", "contentOverlap", "type", "mode", "count", "whole"] as const;
export type MetricName = (typeof METRICS)[number];
export interface Score {
  tp: number;
  gold: number;
  pred: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface ClaimResult {
  id: string;
  passed: boolean;
  suggestion: number | null;
  why: string;
}
export interface Evaluation {
  scores: Record<MetricName, Score>;
  claims: ClaimResult[];
}

export function overlapRatio(gold: Span, pred: Span): number {
  const shared = Math.min(gold.end, pred.end) - Math.max(gold.start, pred.start);
  return shared <= 0 ? 0 : shared / Math.max(1, gold.end - gold.start);
}
const spanOk = (g: Span | null, p: Span | null) => (g === null ? p === null : p !== null && overlapRatio(g, p) >= 0.5);
const spanScore = (g: Span | null, p: Span | null) => (g === null ? (p === null ? 1 : 0) : p ? overlapRatio(g, p) : 0);

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

function scoreSpans(gold: Span[], pred: Span[], exact: boolean): Score {
  const m = matchGreedy(gold.length, pred.length, (g, p) => {
    if (exact) return gold[g].start === pred[p].start && gold[g].end === pred[p].end ? 1 : null;
    const r = overlapRatio(gold[g], pred[p]);
    return r >= 0.5 ? r - Math.abs(gold[g].end - gold[g].start - (pred[p].end - pred[p].start)) * 1e-6 : null;
  });
  return makeScore(m.size, gold.length, pred.length);
}

const nonNull = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);

export function evaluateSuggestions(gold: GoldArticle, suggestions: Suggestion[]): Evaluation {
  const claims = gold.claims;
  const sourceOf = new Map(gold.sources.map((s) => [s.id, s]));
  const scores = {} as Record<MetricName, Score>;
  scores.cue = scoreSpans(nonNull(claims.map((c) => c.cue)), nonNull(suggestions.map((s) => s.cue)), false);
  scores.mention = scoreSpans(
    nonNull(claims.map((c) => c.sourceMention)),
    nonNull(suggestions.map((s) => s.mention)),
    false,
  );
  scores.contentExact = scoreSpans(
    claims.map((c) => c.content),
    suggestions.map((s) => s.content),
    true,
  );
  scores.contentOverlap = scoreSpans(
    claims.map((c) => c.content),
    suggestions.map((s) => s.content),
    false,
  );

  const byContent = matchGreedy(claims.length, suggestions.length, (g, p) => {
    const r = overlapRatio(claims[g].content, suggestions[p].content);
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
    if (!spanOk(c.content, s.content) || !spanOk(c.sourceMention, s.mention) || !spanOk(c.cue, s.cue)) return null;
    return spanScore(c.content, s.content) + spanScore(c.sourceMention, s.mention) + spanScore(c.cue, s.cue);
  });
  scores.whole = makeScore(whole.size, claims.length, suggestions.length);

  const results = claims.map((c, g): ClaimResult => {
    const p = whole.get(g);
    if (p !== undefined) return { id: c.id, passed: true, suggestion: p, why: "" };
    const q = byContent.get(g);
    if (q === undefined)
      return { id: c.id, passed: false, suggestion: null, why: "no suggestion with overlapping content" };
    const s = suggestions[q];
    const why =
      [!spanOk(c.sourceMention, s.mention) && "mention", !spanOk(c.cue, s.cue) && "cue"].filter(Boolean).join("+") +
      " differ";
    return { id: c.id, passed: false, suggestion: q, why };
  });
  return { scores, claims: results };
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
