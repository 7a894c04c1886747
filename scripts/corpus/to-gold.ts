/**
 * Turns a parsed corpus source (parse-markup.ts) into the gold format that scripts/eval.ts and
 * lib/suggestions/evaluate-suggestions.ts read (the format of fixtures/rafah/gold.json), plus a
 * `kind` per claim and a `noContent` list. Validates everything the guideline asks of an annotation,
 * so a slip in the markup fails the build instead of silently scoring the engine against a wrong gold.
 */
import { type ParsedSource, parseMarkup, type SourceDef, type Tag } from "./parse-markup";

export const KINDS = {
  Q: "speech_quoted",
  R: "speech_reported",
  E: "evidence",
  S: "stance_intention",
  P: "punctuation",
} as const;
export type Kind = (typeof KINDS)[keyof typeof KINDS];
export type Mode = "direct_quote" | "partial_quote" | "paraphrase";
const MODES: Record<string, Mode> = { direct: "direct_quote", partial: "partial_quote", para: "paraphrase" };

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
export interface GoldClaim {
  id: string;
  kind: Kind;
  content: GoldSpan;
  parts?: GoldSpan[];
  source: string;
  sourceMention: GoldSpan | null;
  cue: GoldSpan | null;
  mode: Mode;
  via: string | null;
  anaphor: string | null;
  acceptableSources: string[];
}
export interface NoContentAttribution {
  id: string;
  source: string;
  sourceMention: GoldSpan | null;
  cue: GoldSpan;
}
export interface CorpusGold {
  about: string;
  slug: string;
  style: string | null;
  topic: string | null;
  lang: string;
  sources: SourceDef[];
  claims: GoldClaim[];
  noContent: NoContentAttribution[];
}

export const ABOUT =
  "Corpus article written and annotated by hand to docs/attribution-guidelines.md; built from its markup " +
  "source by scripts/corpus/build-gold.ts. Offsets are UTF-16 code units into article.txt. A direct " +
  "quote's content is the text inside the quotation marks (inner punctuation included); paraphrase content " +
  "excludes a leading 'that' and closing punctuation. A split quote or interrupted content has 'parts', " +
  "and 'content' runs from the first part to the last. A quote that continues the previous speaker with no " +
  "cue of its own has cue and sourceMention null. 'kind' classes the cue: speech_quoted, speech_reported, " +
  "evidence, stance_intention, punctuation. 'noContent' lists attributions without content ('declined to " +
  "comment'), which are not claims. No statements (headings/sentences) are given: do not use --gold-statements.";

const OPEN = new Set(['"', "“", "‘", "«", "'", "„"]);
const CLOSE = new Set(['"', "”", "’", "»", "'"]);
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "who", "whom", "which", "you"]);
const ABBREVIATIONS = /(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|a\.m|p\.m)\.)$/;
const FLAGS = new Set(["cont", "nomention", "ana", "none", ...Object.keys(KINDS)]);

interface Draft {
  tag: string;
  kind?: string;
  parts: Tag[];
  cues: Tag[];
  mentions: Tag[];
  src: Set<string>;
  flags: Set<string>;
  via?: string;
  acc: string[];
  mode?: string;
}

const span = (text: string, t: { start: number; end: number }): GoldSpan => ({
  start: t.start,
  end: t.end,
  text: text.slice(t.start, t.end),
});
const inside = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function collect(parsed: ParsedSource, errors: string[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  for (const t of parsed.tags) {
    let d = drafts.get(t.claim);
    if (!d) {
      d = { tag: t.claim, parts: [], cues: [], mentions: [], src: new Set(), flags: new Set(), acc: [] };
      drafts.set(t.claim, d);
    }
    (t.role === "c" ? d.parts : t.role === "v" ? d.cues : d.mentions).push(t);
    for (const a of t.attrs) {
      const [k, v] = a.includes("=") ? a.split("=", 2) : [a, ""];
      if (a in KINDS || a === "none") {
        if (d.kind && d.kind !== a) errors.push(`claim ${t.claim}: kinds ${d.kind} and ${a}`);
        d.kind = a;
      } else if (FLAGS.has(a)) d.flags.add(a);
      else if (k === "src") d.src.add(v);
      else if (k === "via") d.via = v;
      else if (k === "acc") d.acc.push(...v.split(","));
      else if (k === "mode") d.mode = v;
      else if (t.role === "s" && !v) d.src.add(a);
      else errors.push(`line ${t.line}: claim ${t.claim}: unknown attribute "${a}"`);
    }
  }
  return drafts;
}

function checkSpan(text: string, what: string, t: { start: number; end: number }, errors: string[]): void {
  const s = text.slice(t.start, t.end);
  if (!s.trim()) errors.push(`${what} is empty`);
  else if (s !== s.trim()) errors.push(`${what} "${s}" has surrounding whitespace`);
}

function inferMode(text: string, parts: Tag[]): Mode {
  const quoted = parts.every((p) => OPEN.has(text[p.start - 1] ?? "") && CLOSE.has(text[p.end] ?? ""));
  if (quoted) return "direct_quote";
  const content = text.slice(parts[0].start, parts[parts.length - 1].end);
  return /["“”«»‘]|''|(?:^|[\s(])'[A-Za-z]/.test(content) ? "partial_quote" : "paraphrase";
}

export function buildGold(source: string, slug: string): { text: string; gold: CorpusGold; errors: string[] } {
  const parsed = parseMarkup(source);
  const { text } = parsed;
  const errors = [...parsed.errors];
  const sources = new Map(parsed.sources.map((s) => [s.id, s]));
  const used = new Set<string>();
  const claims: (GoldClaim & { order: number })[] = [];
  const noContent: (NoContentAttribution & { order: number })[] = [];

  for (const d of collect(parsed, errors).values()) {
    const where = `claim ${d.tag} (line ${[...d.parts, ...d.cues, ...d.mentions][0].line})`;
    const fail = (m: string) => errors.push(`${where}: ${m}`);
    const parts = [...d.parts].sort((a, b) => a.start - b.start);
    for (const t of [...parts, ...d.cues, ...d.mentions]) checkSpan(text, `${where}: ${t.role} span`, t, errors);
    if (d.src.size !== 1) fail(d.src.size ? `sources disagree: ${[...d.src]}` : "no source (s tag or src=)");
    const sourceId = [...d.src][0] ?? "";
    for (const id of [sourceId, d.via, ...d.acc]) {
      if (id === undefined) continue;
      if (!sources.has(id)) fail(`undefined source "${id}"`);
      used.add(id);
    }
    if (d.via === sourceId) fail("via is the source itself");
    const cont = d.flags.has("cont");
    if (d.cues.length > 1) fail("more than one cue");
    if (d.mentions.length > 1) fail("more than one mention");
    if (!cont && d.cues.length === 0) fail("no cue (mark a quote continuation with cont)");
    if (!cont && !d.flags.has("nomention") && d.mentions.length === 0) fail("no mention (or flag nomention)");
    if (cont && (d.cues.length || d.mentions.length)) fail("a continuation has no cue or mention");
    for (let i = 1; i < parts.length; i++) if (parts[i].start < parts[i - 1].end) fail("content parts overlap");
    for (const t of [...d.cues, ...d.mentions])
      if (parts.some((p) => inside(p, t))) fail(`its ${t.role === "v" ? "cue" : "mention"} lies in its content`);
    const cue = d.cues[0] ? span(text, d.cues[0]) : null;
    const mention = d.mentions[0] ? span(text, d.mentions[0]) : null;

    if (d.kind === "none") {
      if (parts.length) fail("a no-content attribution has content");
      if (cue) noContent.push({ id: "", source: sourceId, sourceMention: mention, cue, order: cue.start });
      continue;
    }
    if (!parts.length) {
      fail("no content");
      continue;
    }
    const kind = d.kind ? KINDS[d.kind as keyof typeof KINDS] : cont ? KINDS.Q : undefined;
    if (!kind) fail("no kind (Q R E S P none)");
    if (d.mode && !MODES[d.mode]) fail(`unknown mode "${d.mode}"`);
    const mode = MODES[d.mode ?? ""] ?? inferMode(text, parts);
    if (kind === KINDS.Q && mode !== "direct_quote") fail(`speech_quoted but ${mode}`);
    if (kind === KINDS.R && mode === "direct_quote") fail("speech_reported but a direct quote");
    const content = { start: parts[0].start, end: parts[parts.length - 1].end };
    const body = text.slice(content.start, content.end);
    if (mode !== "direct_quote" && /^that\s/.test(body)) fail('content starts with "that"');
    // "worry about", "warned of", "called for": the preposition belongs to the cue (guideline §2).
    if (mode !== "direct_quote" && /^(?:about(?!\s+\d)|of|for|on|with|against|over)\s/.test(body))
      fail(`content starts with a preposition that belongs to the cue: "${body.slice(0, 20)}…"`);
    if (mode !== "direct_quote" && (/[,;:]$/.test(body) || (/\.$/.test(body) && !ABBREVIATIONS.test(body))))
      fail(`paraphrase content ends with punctuation: "…${body.slice(-20)}"`);
    const anaphor = mention && (d.flags.has("ana") || PRONOUNS.has(mention.text.toLowerCase())) ? mention.text : null;
    claims.push({
      id: "",
      kind: kind ?? KINDS.R,
      content: span(text, content),
      ...(parts.length > 1 ? { parts: parts.map((p) => span(text, p)) } : {}),
      source: sourceId,
      sourceMention: mention,
      cue,
      mode,
      via: d.via ?? null,
      anaphor,
      acceptableSources: [sourceId, ...d.acc.filter((a) => a !== sourceId)],
      order: content.start * 1e6 + (cue?.start ?? 0),
    });
  }
  for (const s of sources.keys()) if (!used.has(s)) errors.push(`source ${s} is never used`);

  claims.sort((a, b) => a.order - b.order);
  noContent.sort((a, b) => a.order - b.order);
  const gold: CorpusGold = {
    about: ABOUT,
    slug,
    style: parsed.meta.style ?? null,
    topic: parsed.meta.topic ?? null,
    lang: parsed.meta.lang ?? "en",
    sources: parsed.sources,
    claims: claims.map(({ order, ...c }, i) => ({ ...c, id: `C${i + 1}` })),
    noContent: noContent.map(({ order, ...n }, i) => ({ ...n, id: `N${i + 1}` })),
  };
  return { text, gold, errors };
}
