import type { Span } from "@/lib/spans/check-span";

// Scripts written without spaces: their words come from the ICU word segmenter instead.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

const QUOTE_MARK = /["“”«»„]/u;
const CLAUSE_MARK = /[,;:!?،؛؟]/u;
const DIGIT = /\p{N}/u;

/**
 * Where a run of non-space characters holds more than one word: at punctuation that contains a
 * quotation mark, or a clause mark not between digits, so `Rafah,"he` is "Rafah" and "he" while
 * `U.S.`, `1,300`, `he's` and `ill-considered` stay whole.
 */
function splitGlued(core: string): Span[] {
  const pieces: Span[] = [];
  let from = 0;
  for (const run of core.matchAll(/\p{P}+/gu)) {
    const at = run.index;
    const end = at + run[0].length;
    if (at === 0 || end === core.length) continue;
    const betweenDigits = DIGIT.test(core[at - 1]) && DIGIT.test(core[end]);
    if (QUOTE_MARK.test(run[0]) || (CLAUSE_MARK.test(run[0]) && !betweenDigits)) {
      pieces.push({ start: from, end: at });
      from = end;
    }
  }
  pieces.push({ start: from, end: core.length });
  return pieces;
}

/**
 * The words of `text[from, to)` as spans, in order. A word is a run of non-space characters without
 * its surrounding punctuation, so `"ill-considered` is one word and `war,` ends before the comma;
 * words glued by a quotation mark or comma (`Rafah,"he`) are two.
 */
export function findWords(text: string, from = 0, to = text.length): Span[] {
  const words: Span[] = [];
  for (const match of text.slice(from, to).matchAll(/\S+/gu)) {
    const token = match[0];
    const start = from + match.index;
    const lead = token.length - token.replace(/^\p{P}+/u, "").length;
    const core = token.replace(EDGE_PUNCTUATION, "");
    if (!core) continue;
    for (const piece of splitGlued(core)) {
      const at = start + lead + piece.start;
      const word = core.slice(piece.start, piece.end);
      if (UNSPACED.test(word)) {
        for (const s of wordSegmenter.segment(word)) {
          if (s.isWordLike) words.push({ start: at + s.index, end: at + s.index + s.segment.length });
        }
      } else if (word) {
        words.push({ start: at, end: at + word.length });
      }
    }
  }
  return words;
}

/** An Arabic conjunction written onto the next word (و "and", ف "so": وقال = و + قال), which a cue may leave out. */
export function cliticLength(text: string, word: Span): number {
  const w = text.slice(word.start, word.end);
  return /^[وف][\p{Script=Arabic}]{3,}$/u.test(w) ? 1 : 0;
}

/** The word containing or nearest after `offset` within `within`, or null if it has no words. */
export function wordAt(text: string, offset: number, within: Span = { start: 0, end: text.length }): Span | null {
  const words = findWords(text, within.start, within.end);
  return words.find((w) => offset < w.end) ?? words[words.length - 1] ?? null;
}

const OPENING_QUOTES = "\"“«„‘'";
const CLOSING_QUOTES = "\"”»“’'";

/**
 * Grows a span over a quotation mark it leaves unbalanced (`just "ill-considered speculation` →
 * `…speculation"`), so a partial quote is taken with both of its marks.
 */
export function balanceQuotes(text: string, span: Span): Span {
  const inner = text.slice(span.start, span.end);
  const marks = [...inner].filter((c) => OPENING_QUOTES.includes(c) || CLOSING_QUOTES.includes(c)).length;
  if (marks % 2 === 0) return span;
  let { start, end } = span;
  if (CLOSING_QUOTES.includes(text[end] ?? "")) end += 1;
  else if (OPENING_QUOTES.includes(text[start - 1] ?? "")) start -= 1;
  return { start, end };
}

export type WordStep = "dropFirst" | "dropLast" | "addBefore" | "addAfter";

/**
 * Narrows or widens a span by one word on either side, never leaving `within` or becoming empty.
 * With `clitics`, dropping the first word of a span that starts with an Arabic conjunction drops
 * just the conjunction (وقال → قال), as marking a cue needs.
 */
export function stepWords(
  text: string,
  span: Span,
  step: WordStep,
  within: Span,
  options: { clitics?: boolean } = {},
): Span {
  const words = findWords(text, within.start, within.end);
  const inside = words.filter((w) => w.start >= span.start && w.end <= span.end);
  let next = span;
  const clitic = options.clitics && inside[0]?.start === span.start ? cliticLength(text, inside[0]) : 0;
  if (step === "dropFirst" && clitic) return { start: span.start + clitic, end: span.end };
  if (step === "dropFirst" && inside.length > 1) next = { start: inside[1].start, end: span.end };
  if (step === "dropLast" && inside.length > 1) next = { start: span.start, end: inside[inside.length - 2].end };
  if (step === "addBefore") {
    const before = words.filter((w) => w.end <= span.start).pop();
    if (before) next = { start: before.start, end: span.end };
  }
  if (step === "addAfter") {
    const after = words.find((w) => w.start >= span.end);
    if (after) next = { start: span.start, end: after.end };
  }
  return balanceQuotes(text, next);
}

/** A statement taken whole as a claim: from its first word to its last, quotes balanced. */
export function wholeStatementSpan(text: string, statement: Span): Span {
  const words = findWords(text, statement.start, statement.end);
  if (!words.length) return statement;
  return balanceQuotes(text, { start: words[0].start, end: words[words.length - 1].end });
}

/**
 * Where marking a claim's cue or mention starts: the word just before the claim (attribution
 * words usually lead into it: "officials have made it clear that <claim>"), else the first word
 * after it ("<quote>," he said), inside `within`.
 */
export function wordNextTo(text: string, claim: Span, within: Span): Span | null {
  const before = findWords(text, within.start, Math.max(within.start, Math.min(claim.start, within.end))).pop();
  if (before) return before;
  const after = findWords(text, Math.min(Math.max(claim.end, within.start), within.end), within.end)[0];
  return after ?? wordAt(text, within.start, within);
}

const foldCase = (s: string) => s.normalize("NFKC").toLocaleLowerCase("und");

interface JumpOptions {
  /** The current mark: a one-letter search moves past it, a longer prefix may keep it. */
  from: Span;
  within: Span;
  /** The claim: cue and mention words lie around it, so the nearest words outside it come first. */
  near: Span;
}

/**
 * Type-to-jump: a word of `within` that starts with `typed` (case-insensitive), the words outside
 * the claim nearest to it first, those inside it last; one repeated letter ("hh") cycles through
 * the words starting with it.
 */
export function wordStartingWith(text: string, typed: string, { from, within, near }: JumpOptions): Span | null {
  if (!typed) return null;
  const distance = (w: Span) =>
    w.end <= near.start ? near.start - w.end : w.start >= near.end ? w.start - near.end : text.length + w.start;
  const words = findWords(text, within.start, within.end).sort((a, b) => distance(a) - distance(b));
  const repeated = typed.length > 1 && [...typed].every((c) => c === typed[0]);
  const prefix = foldCase(repeated ? typed[0] : typed);
  const matches = words.filter((w) => foldCase(text.slice(w.start, w.end)).startsWith(prefix));
  const current = matches.findIndex((w) => w.start === from.start);
  if (current < 0) return matches[0] ?? null;
  // Typing on ("h", "he") keeps a word that still fits; one letter again moves to the next.
  if (typed.length > 1 && !repeated) return matches[current];
  return matches[(current + 1) % matches.length];
}

/** The word holding the character at `offset` (a short window around it is enough for any word). */
function wordHolding(text: string, offset: number): Span | null {
  const words = findWords(text, Math.max(0, offset - 200), Math.min(text.length, offset + 200));
  return words.find((w) => w.start <= offset && offset < w.end) ?? null;
}

/**
 * A mouse selection made of whole words: a drag rarely lands on word edges, so one starting or
 * ending mid-word takes the whole word; spaces and punctuation at its end are left out, and a
 * quotation mark it leaves unbalanced is taken too.
 */
export function snapToWords(text: string, span: Span): Span | null {
  const inside = wordAt(text, span.start, { start: span.start, end: span.end });
  if (!inside) return null;
  // Started mid-word: the whole of that word (the window above only saw the part after the start).
  const first = wordHolding(text, inside.start) ?? inside;
  const selected = text.slice(span.start, span.end);
  const trailing = selected.length - selected.replace(/[\s.,;:!?،؛]+$/u, "").length;
  const end = Math.max(first.end, span.end - trailing);
  const last = wordHolding(text, end - 1);
  return balanceQuotes(text, { start: first.start, end: Math.max(end, last?.end ?? end) });
}
