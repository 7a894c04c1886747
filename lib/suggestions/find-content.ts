/**
 * Content spans: the quote beside a cue, the clause after it ("said (that) …", "told colleagues he …"),
 * or the clause before it ("…, the bank said."). Spans are trimmed of edge spaces and end punctuation
 * but keep a closing quotation mark, so partial quotes stay whole.
 */
import { CHANNEL_NOUNS, CUE_VERBS, type CueVerb } from "./cue-lexicon";
import { looksLikeClause, startsWithSubjectVerb } from "./detect-clause";

export { looksLikeClause };

import type { Quote } from "./find-quotes";
import type { Token } from "./tokenize-text";
import type { Span } from "./types";

const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "there"]);
const TIME_WORDS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "yesterday",
  "today",
  "tonight",
  "recently",
  "earlier",
  "later",
  "last",
  "this",
  "late",
  "early",
]);
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "with",
  "for",
  "from",
  "by",
  "to",
  "about",
  "during",
  "over",
  "under",
  "after",
  "before",
  "into",
  "of",
]);
const TRAILING_MARKERS = /^(according|as|citing)$/;
const COORDINATED_ACTS = new Set([
  "urged",
  "vowed",
  "pledged",
  "promised",
  "declined",
  "refused",
  "added",
  "called",
  "asked",
  "appealed",
  "demanded",
  "warned",
]);

export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s.,;:!?—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/** End offset of a sentence's content, cut before a trailing ", according to …" or ", as quoted by …". */
export function contentEnd(tokens: Token[], from: number, to: number, sentenceEnd: number): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.text === "," && TRAILING_MARKERS.test(tokens[i + 1]?.lower ?? "")) {
      const n = tokens[i + 2]?.lower ?? "";
      if (n === "to" || n === "quoted" || n === "reported" || n === "cited" || tokens[i + 1].lower === "citing")
        return t.start;
    }
    // "said the US supports the talks and urged both sides to stay": the second act is the speaker's own.
    if (t.lower === "and" && i > from && COORDINATED_ACTS.has(tokens[i + 1]?.lower ?? ""))
      return tokens[i - 1].text === "," ? tokens[i - 1].start : t.start;
    if (t.lower === "in" && i > from && isTrailingChannel(tokens, i, to)) return t.start;
  }
  return sentenceEnd;
}

/** "… in remarks to state television" closing the sentence: how it was said, not what. */
function isTrailingChannel(tokens: Token[], i: number, to: number): boolean {
  let c = i + 1;
  if (/^(a|an|the|his|her|their|its)$/.test(tokens[c]?.lower ?? "")) c++;
  while (c < to && c - i <= 3 && tokens[c].isWord && !CHANNEL_NOUNS.has(tokens[c].lower)) c++;
  if (c >= to || !CHANNEL_NOUNS.has(tokens[c].lower)) return false;
  let rest = c + 1;
  if (/^(to|with|on)$/.test(tokens[rest]?.lower ?? "")) rest += 1;
  while (rest < to && tokens[rest].isWord && rest - c <= 5) rest++;
  return rest >= to || !tokens[rest].isWord;
}

/** The quote whose closing mark sits right before `offset`, separated by spaces or a comma only. */
export function findQuoteBefore(text: string, quotes: Quote[], offset: number): Quote | null {
  for (let i = quotes.length - 1; i >= 0; i--) {
    const q = quotes[i];
    if (q.close >= offset) continue;
    // Never across a paragraph break: a quote ending the previous paragraph belongs to its own cue.
    return /^[ \t,]*$/.test(text.slice(q.close + 1, offset)) && q.words > 0 ? q : null;
  }
  return null;
}

/** A quote opening within a few tokens after `k`, after a comma or colon: `said, "…"`, `capital, "but …"`. */
export function findQuoteAfter(text: string, tokens: Token[], quotes: Quote[], k: number, to: number): Quote | null {
  for (let m = k; m < Math.min(to, k + 14); m++) {
    const t = tokens[m];
    if (t.text === "," || t.text === ":") {
      const q = quotes.find((x) => x.open >= t.end && /^[ \t]*$/.test(text.slice(t.end, x.open)));
      if (q) return q;
      if (t.text === ":") return null;
    } else if (!t.isWord && t.text !== "’" && t.text !== "'") return null;
    else if (t.lower === "that" || CUE_VERBS.has(t.lower)) return null;
  }
  return null;
}

/** Token index where a forward content clause starts, or -1. */
export function findForwardStart(tokens: Token[], verb: CueVerb, k: number, to: number, quoteAhead = false): number {
  for (let m = k; m < Math.min(to, k + 12); m++) {
    const t = tokens[m];
    if (t.lower === "that") return m + 1 < to ? m + 1 : -1;
    if ((!t.isWord && t.text !== "," && t.text !== "’") || CUE_VERBS.has(t.lower)) break;
  }
  // "called the results “interesting but …”": weak verbs may take a bare complement only with a quote in it.
  if (verb.needsThatOrQuote && !quoteAhead) return -1;
  if (verb.recipient) {
    // "told colleagues he was …", "told reporters Okonkwo would …": skip a short recipient to the
    // subject of the reported clause (a name counts only where a new name starts and a verb follows).
    for (let m = k + 1; m < Math.min(to, k + 5); m++) {
      if (SUBJECT_PRONOUNS.has(tokens[m].lower) || /^(the|a|an|this|these|its|their|his|her)$/.test(tokens[m].lower))
        return m;
      if (tokens[m].isCap && !tokens[m - 1].isCap && startsWithSubjectVerb(tokens, m, to - 1)) return m;
      if (!tokens[m].isWord) break;
    }
    return -1;
  }
  const m = skipTimeAdjuncts(tokens, k, to);
  // "insists on a staged release", "forecast in May": a prepositional complement is not a clause.
  return m < to && tokens[m].isWord && !PREPOSITIONS.has(tokens[m].lower) ? m : -1;
}

/** Skips time adjuncts between a verb and its clause: "said on Tuesday the bank …", "said last week …". */
function skipTimeAdjuncts(tokens: Token[], k: number, to: number): number {
  let m = k;
  for (;;) {
    const t = tokens[m];
    if (m >= to) return m;
    if (TIME_WORDS.has(t.lower)) {
      m++;
      if (m < to && tokens[m].isCap) m++;
      if (m < to && /^(week|month|year|night|morning|evening|afternoon)$/.test(tokens[m].lower)) m++;
    } else if (
      /^(on|in|at|during)$/.test(t.lower) &&
      m + 1 < to &&
      (tokens[m + 1].isCap || /^\d/.test(tokens[m + 1].text))
    ) {
      // "on Tuesday", "in May", "in 2023" — but not "on a call" or "in the past".
      m += 2;
      while (m < to && /^\d/.test(tokens[m].text)) m++; // "on March 3", "in May 2023"
    } else return m;
  }
}
