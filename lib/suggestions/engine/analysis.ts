/**
 * Everything the rules read about one text, computed once and linearly: tagged tokens, sentences as
 * token ranges, quotations, and per-token lookups (which sentence, which quotation a token is inside,
 * which quotation a mark opens or closes), so no rule ever scans the whole text again.
 */
import { segmentText } from "@/lib/statements/segment-text";
import type { LanguageAdapter } from "./language";
import { type Token, tokenAt } from "./nlp/token";
import { findQuotes, type Quote } from "./text/find-quotes";
import type { StatementSpan } from "./types";

export interface Sentence {
  index: number;
  start: number;
  end: number;
  heading: boolean;
  /** Token range, `first` inclusive, `to` exclusive. */
  first: number;
  to: number;
}

export interface Analysis {
  text: string;
  lang: LanguageAdapter;
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quote[];
  /** Per token: the sentence holding it. */
  sentenceOf: Int32Array;
  /** Per token: the quotation it stands inside (between the marks), or -1. */
  quoteOf: Int32Array;
  /** Per token: the quotation whose opening mark it is, or -1. */
  opens: Int32Array;
  /** Per token: the quotation whose closing mark it is, or -1. */
  closes: Int32Array;
}

export function analyze(text: string, lang: LanguageAdapter, statements?: StatementSpan[]): Analysis {
  const tokens = lang.tag(text);
  const n = tokens.length;
  const sentenceOf = new Int32Array(n).fill(-1);
  const sentences: Sentence[] = [];
  for (const s of statements ?? segmentText(text)) {
    const first = tokenAt(tokens, s.start);
    let to = first;
    while (to < n && tokens[to].start < s.end) to++;
    if (to === first) continue;
    // A statement running over a line break (list items, live-blog lines) is read line by line.
    let from = first;
    for (let k = first + 1; k <= to; k++) {
      const lineBreak = k === to || text.slice(tokens[k - 1].end, tokens[k].start).includes("\n");
      if (!lineBreak && !endsAtClock(tokens, lang, { first: from, k, to })) continue;
      from = skipDateline(tokens, from, k);
      const start = from === first ? s.start : tokens[from].start;
      const end = k === to ? s.end : tokens[k - 1].end;
      const last = sentences.at(-1);
      if (last && !last.heading && s.kind !== "heading" && signsQuestion(text, tokens, lang, last, from, k)) {
        // `“Did you sign it?” Marrone asked.`: the attribution the splitter cut off its quotation.
        last.end = end;
        last.to = k;
        sentenceOf.fill(last.index, from, k);
      } else {
        const index = sentences.length;
        sentences.push({ index, start, end, heading: s.kind === "heading", first: from, to: k });
        sentenceOf.fill(index, from, k);
      }
      from = k;
    }
  }
  const quotes = findQuotes(text);
  const quoteOf = new Int32Array(n).fill(-1);
  const opens = new Int32Array(n).fill(-1);
  const closes = new Int32Array(n).fill(-1);
  let k = 0;
  quotes.forEach((q, qi) => {
    while (k < n && tokens[k].start < q.open) k++;
    if (k < n && tokens[k].start === q.open) opens[k] = qi;
    let j = k;
    while (j < n && tokens[j].start < q.inner.end) {
      if (tokens[j].start >= q.inner.start) quoteOf[j] = qi;
      j++;
    }
    while (j < n && tokens[j].start < q.close) j++;
    if (q.closeLength > 0 && j < n && tokens[j].start === q.close) closes[j] = qi;
  });
  return { text, lang, tokens, sentences, quotes, sentenceOf, quoteOf, opens, closes };
}

/**
 * A short sentence right after a quotation that closes on "?" or "!" in the same paragraph, with a cue
 * among its first words and no quotation of its own: `“…?” Whitman asked.`, `“…!” shouted the coach.`
 */
function signsQuestion(
  text: string,
  tokens: Token[],
  lang: LanguageAdapter,
  prev: Sentence,
  first: number,
  to: number,
) {
  const close = tokens[prev.to - 1];
  const mark = tokens[prev.to - 2];
  if (!close || !mark || prev.to !== first || !/^[?!]$/.test(mark.text) || !/^(["”»’]|'')$/.test(close.text))
    return false;
  if (text.slice(close.end, tokens[first].start).includes("\n") || to - first > 10) return false;
  let cue = false;
  for (let i = first; i < to; i++) {
    const t = tokens[i];
    if (/^(["“”«»‘’]|'')$/.test(t.text)) return false;
    if (i - first < 5 && t.isWord && !t.isCap && (lang.cues.has(t.lemma) || lang.cues.has(t.lower))) cue = true;
  }
  return cue;
}

const CLOCK_RE = /^[ap]\.m\.$/i;
const CLOSED_CLASS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV"]);
const ZONES = new Set(["et", "est", "edt", "pt", "pst", "pdt", "ct", "cdt", "mt", "gmt", "bst", "utc"]);
const isFiniteVerb = (t: Token) => t.pos === "AUX" || (t.pos === "VERB" && !/ing$/.test(t.lower));

/**
 * "…the winner at 10:02 p.m. With 81% counted, she led": the splitter keeps "p.m." as an abbreviation,
 * but a capitalised word after it opens a new sentence when it is a function word, or when both sides
 * have a verb of their own (not "at 3 p.m. Tuesday", "9 p.m. ET").
 */
function endsAtClock(tokens: Token[], lang: LanguageAdapter, r: { first: number; k: number; to: number }): boolean {
  const prev = tokens[r.k - 1];
  const next = tokens[r.k];
  if (!CLOCK_RE.test(prev.text) || !next.isCap || !next.isWord || r.k - r.first < 3) return false;
  const g = lang.grammar;
  if (g.timeWords.has(next.lower) || g.months.has(next.lower) || ZONES.has(next.lower)) return false;
  if (/^(eastern|pacific|central|mountain|local)$/.test(next.lower)) return false;
  if (CLOSED_CLASS.has(next.pos)) return true;
  let before = false;
  for (let i = r.first; i < r.k - 1 && !before; i++) before = isFiniteVerb(tokens[i]);
  let after = false;
  for (let i = r.k; i < r.to && !after; i++) after = isFiniteVerb(tokens[i]);
  return before && after;
}

const DASH_RE = /^([—–]|-{1,2})$/;
const isUpperWord = (t: Token) => t.isWord && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);

/**
 * A dateline opening a line is no part of its sentence: "WASHINGTON —", "NEW YORK (AP) —",
 * "BEIRUT, Lebanon (Reuters) -", "PARIS, Jan. 12 —". Returns the first token after it, or `first`.
 */
function skipDateline(tokens: Token[], first: number, to: number): number {
  let k = first;
  while (k < to && k - first < 4 && isUpperWord(tokens[k])) k++;
  if (k === first) return first;
  // ", Lebanon", ", Calif.", ", Jan. 12": a place or date after a comma.
  if (tokens[k]?.text === ",") {
    k++;
    while (k < to && k - first < 10 && (tokens[k].isCap || tokens[k].text === "." || /^\d/.test(tokens[k].text))) k++;
  }
  if (tokens[k]?.text === "(") {
    const open = k;
    while (k < to && k - open < 6 && tokens[k].text !== ")") k++;
    if (tokens[k]?.text !== ")") return first;
    k++;
  }
  return k + 1 < to && DASH_RE.test(tokens[k].text) ? k + 1 : first;
}
