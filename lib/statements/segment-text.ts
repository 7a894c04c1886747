import type { StatementKind } from "@/lib/generated/prisma/enums";

export interface TextSegment {
  kind: StatementKind;
  start: number;
  end: number;
}

// UAX #29 sentence rules are language-independent; a fixed locale keeps results identical on every machine.
const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });
const WINDOW = 80;
// V8's segment iterator costs O(input length) per step (measured on Node 20: 4,000 sentences in one
// 112 kB paragraph took 0.5 s, a 1 MB paragraph minutes), so a long paragraph is fed to ICU in
// chunks of about this many code units, each starting at a break already found.
const CHUNK = 4096;
// Breaks this close to a chunk's cut-off end are re-found from the next chunk: ICU's rules look
// ahead past closers, spaces and digits (`etc. 12 and …`), and the cut-off text ends them early.
const CHUNK_MARGIN = 256;

const CLOSERS = "\"'”’»)\\]」』";
const ENDS_CLAUSE = new RegExp(`[.!?…:;,،؛؟。！？，；：‼⁇⁈⁉][${CLOSERS}]*$`);
const ENDS_SENTENCE = new RegExp(`[.!?…:;؟。！？‼⁇⁈⁉][${CLOSERS}]*$`);
const ENDS_QUESTION = new RegExp(`[?!…‽][${CLOSERS}]*$`);
// Words that end with "." without ending the sentence; ICU only knows that when a lowercase word follows.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof gen sen rep gov lt col capt sgt maj adm cmdr cpl pvt " +
    "st mt ft rev hon pres supt det insp messrs vs v approx est dept univ"
  ).split(" "),
);
const ALWAYS_ABBREVIATIONS = new Set(["e.g", "i.e", "cf", "viz"]);
const BEFORE_NUMBER = new Set(
  ("no nos art vol p pp fig ch sec para jan feb mar apr jun jul aug sep sept " + "oct nov dec").split(" "),
);
// After "U.S." or an initial, these words almost always open a new sentence rather than continue a name.
const SENTENCE_STARTERS = new Set(
  (
    "the a an he she it they we i you his her its their our this that these " +
    "those there but and so yet however meanwhile in on at after when while if as for according"
  ).split(" "),
);
// A wrapped prose line often breaks after these; a heading almost never ends with one.
const TRAILING_FUNCTION_WORDS = new Set("the a an of and or to in on at for with by from as but that".split(" "));
const LEADING_EMOJI =
  /^\s*(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0F)+(?=\s|$)/u;
// ICU keeps "Done.Next" together (Upper/Lower ATerm × Upper); scraped text loses that space often enough.
const GLUED_STOP = new RegExp(`(?<=\\p{Ll}\\p{Ll})[.!?][${CLOSERS}]*(?=\\p{Lu}\\p{Ll})`, "gu");

/** True for a short standalone line that reads as a title rather than a sentence or a clause. */
export function detectHeading(line: string): boolean {
  const text = line.trim();
  if (!text || /[\r\n]/.test(text) || text.length > 100 || !/[\p{L}\p{N}]/u.test(text)) return false;
  // "Hamas lost.Then Israel won" is short and unpunctuated at the end, yet it holds two sentences.
  return text.split(/\s+/).length <= 12 && !ENDS_CLAUSE.test(text) && findSentenceCuts(text).length === 0;
}

/** Splits an article body into headings and sentences. Offsets are UTF-16 code units into `body`
 *  (as JavaScript indexes strings); each segment is trimmed (no leading/trailing whitespace). */
export function segmentText(body: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const block of splitBlocks(body)) {
    const texts = block.map(([s, e]) => body.slice(s, e).trim());
    const headings = block.map(() => false);
    for (let i = 0; i < block.length; i++) headings[i] = isHeadingLine(texts, headings, i);
    let runStart = -1;
    block.forEach(([start, end], i) => {
      if (!headings[i]) {
        if (runStart < 0) runStart = start;
      } else {
        if (runStart >= 0) segments.push(...segmentSentences(body, runStart, block[i - 1][1]));
        runStart = -1;
        segments.push({ kind: "heading", ...trimRange(body, start, end) });
      }
      if (i === block.length - 1 && runStart >= 0) segments.push(...segmentSentences(body, runStart, end));
    });
  }
  return segments;
}

/** Groups non-blank lines into paragraphs; each line is a [start, end) range without its line break. */
function splitBlocks(body: string): Array<Array<[number, number]>> {
  const blocks: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  let start = 0;
  for (let m = breaks.exec(body); ; m = breaks.exec(body)) {
    const end = m ? m.index : body.length;
    if (/\S/.test(body.slice(start, end))) current.push([start, end]);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  if (current.length) blocks.push(current);
  return blocks;
}

// A lone line is judged on its own; inside a multi-line paragraph a line only counts as a heading when
// its neighbours show it is not a hard-wrapped piece of prose.
function isHeadingLine(texts: string[], headings: boolean[], i: number): boolean {
  const text = texts[i];
  if (texts.length === 1) return detectHeading(text);
  const lastWord = text.split(/\s+/).pop()!.toLowerCase();
  if (!detectHeading(text) || text.length > 60 || TRAILING_FUNCTION_WORDS.has(lastWord)) return false;
  if (/^\p{Ll}/u.test(text)) return false;
  const previousEnds = i === 0 || headings[i - 1] || ENDS_SENTENCE.test(texts[i - 1]);
  const nextStarts = i === texts.length - 1 || !/^\p{Ll}/u.test(texts[i + 1]);
  return previousEnds && nextStarts;
}

function segmentSentences(body: string, start: number, end: number): TextSegment[] {
  // Line breaks inside a paragraph are soft wraps, but ICU treats them as hard sentence breaks.
  const text = body.slice(start, end).replace(/[\r\n\u2028\u2029]/g, " ");
  const bounds = findSentenceCuts(text);
  const segments: TextSegment[] = [];
  [0, ...bounds].forEach((from, k) => {
    const range = trimRange(body, start + from, start + (bounds[k] ?? text.length));
    if (range.start >= range.end) return;
    const previous = segments[segments.length - 1];
    // Stray punctuation (a lone "..." or "***") is not a statement; keep it with the sentence it follows.
    if (/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(body.slice(range.start, range.end))) {
      segments.push({ kind: "sentence", ...range });
    } else if (previous) previous.end = range.end;
  });
  return segments;
}

/** Offsets into `text` where one sentence ends and the next may begin (whitespace may sit between). */
function findSentenceCuts(text: string): number[] {
  const cuts = new Set<number>();
  // Only the words around a boundary matter; bounded windows keep long paragraphs linear.
  const before = (i: number) => text.slice(Math.max(0, i - WINDOW), i);
  const after = (i: number) => text.slice(i, i + WINDOW);
  for (const index of sentenceBreaks(text)) {
    if (!shouldJoin(before(index).trimEnd(), after(index).trimStart())) cuts.add(index);
  }
  for (const m of text.matchAll(GLUED_STOP)) {
    const token = /\S*$/.exec(before(m.index))![0] + /^\S*/.exec(after(m.index))![0];
    if (!/[/@]|^www\./i.test(token)) cuts.add(m.index + m[0].length);
  }
  // A multi-sentence quotation is one attributed statement: `“One. Two,” she said.` stays whole.
  // Quotes come sorted and disjoint, cuts sorted: one merge-like walk, not cuts × quotes.
  const quotes = findQuoteSpans(text);
  let q = 0;
  const outside = (cut: number) => {
    while (q < quotes.length && quotes[q][1] <= cut) q++;
    return !(q < quotes.length && quotes[q][0] < cut);
  };
  return [...cuts]
    .sort((a, b) => a - b)
    .filter(outside)
    .map(shiftPastEmoji(text));
}

/** ICU's sentence breaks inside `text` (never 0 or text.length), found chunk by chunk in linear time:
 *  the breaks one pass over the whole text gives (tested), unless ICU would have to look further than
 *  CHUNK_MARGIN past a chunk's end (256 characters of digits and punctuation after a full stop). */
export function* sentenceBreaks(text: string): Generator<number> {
  let from = 0;
  let size = CHUNK;
  while (from < text.length) {
    const to = Math.min(text.length, from + size);
    // Breaks at or past `trusted` may be artefacts of the cut; the last chunk is whole, trust it all.
    const trusted = to === text.length ? to : to - CHUNK_MARGIN;
    let last = -1;
    let stoppedEarly = false;
    for (const { index } of SEGMENTER.segment(text.slice(from, to))) {
      if (index === 0) continue;
      const at = from + index;
      if (at >= trusted) break;
      yield at;
      last = at;
      // A grown chunk (a sentence longer than CHUNK) is left at its first break: each further step
      // would cost the grown length again.
      if (size > CHUNK) {
        stoppedEarly = true;
        break;
      }
    }
    if (to === text.length && !stoppedEarly) return;
    // No break in the chunk: the sentence is longer than it; look again over twice the length.
    if (last < 0) size *= 2;
    else {
      from = last;
      size = CHUNK;
    }
  }
}

/** [open, close] index pairs of balanced double quotations; an unclosed one (a quote running on into
 *  the next paragraph) yields nothing, so it cannot swallow the rest of the paragraph. */
function findQuoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A straight quote opens after a space or bracket and before text; anywhere else it closes.
    const opening = c === "“" || (c === '"' && /^[\s([—–-]?$/.test(text[i - 1] ?? "") && /\S/.test(text[i + 1] ?? ""));
    if (open < 0 && opening) open = i;
    else if (open >= 0 && (c === "”" || c === '"')) {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

function shouldJoin(left: string, right: string): boolean {
  if (!left || !right) return false;
  // ICU only suppresses breaks before lowercase after "." — not after "?" / "!" as in `"Why?" he asked.`
  if (ENDS_QUESTION.test(left)) return /^\p{Ll}/u.test(right);
  const token = /\S+$/.exec(left)![0].replace(/^[("'“‘«[]+/, "");
  if (!token.endsWith(".")) return false;
  const word = token.slice(0, -1);
  const lower = word.toLowerCase();
  const nextWord = /^\S+/
    .exec(right)![0]
    .replace(/[^\p{L}\p{N}]/gu, "")
    .toLowerCase();
  if (BEFORE_NUMBER.has(lower) && /^[\d#]/.test(right)) return true;
  if (ALWAYS_ABBREVIATIONS.has(lower)) return true;
  const nameLike = ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
  return nameLike && /^[\p{L}\p{N}]/u.test(right) && !SENTENCE_STARTERS.has(nextWord);
}

// An emoji after "!" (`I won! 🎉 Then…`) belongs to the sentence it reacts to, not to the next one.
function shiftPastEmoji(text: string): (cut: number) => number {
  return (cut) => cut + (LEADING_EMOJI.exec(text.slice(cut))?.[0].length ?? 0);
}

function trimRange(body: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s\u200B]/.test(body[start])) start++;
  while (end > start && /[\s\u200B]/.test(body[end - 1])) end--;
  return { start, end };
}
