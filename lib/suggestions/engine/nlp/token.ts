/**
 * The token every rule works on: offsets into the original text (UTF-16), the tagger's part of speech
 * and lemma, and a few cheap flags computed once so the rules stay lookups.
 */

/** Universal Dependencies part-of-speech tags, as the tagger emits them. */
export type Pos =
  | "ADJ"
  | "ADP"
  | "ADV"
  | "AUX"
  | "CCONJ"
  | "DET"
  | "INTJ"
  | "NOUN"
  | "NUM"
  | "PART"
  | "PRON"
  | "PROPN"
  | "PUNCT"
  | "SCONJ"
  | "SYM"
  | "VERB"
  | "X";

export interface Token {
  /** Index in the token array. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower case with typographic apostrophes made straight. */
  lower: string;
  lemma: string;
  pos: Pos;
  /** Starts with a letter or digit. */
  isWord: boolean;
  /** Starts with an upper-case letter. */
  isCap: boolean;
  /** Whitespace (or the text start) right before it. */
  spaceBefore: boolean;
  /** A paragraph break (blank line) right before it. */
  paraBefore: boolean;
}

/** Index of the first token starting at or after `offset` (binary search; tokens are sorted). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isNounish = (t: Token | undefined) => !!t && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON");

const QUOTE_MARK_RE = /^(["“”«»‘’`]|''|'|``)$/;
/** A quotation mark token (any style). */
export const isQuoteMark = (t: Token | undefined) => !!t && QUOTE_MARK_RE.test(t.text);

/**
 * Index of the verb of an infinitive whose "to" is at `k` ("vowed to fight", "urged them to «exercise
 * restraint»": a quotation may open between them), or -1.
 */
export function infinitiveVerb(tokens: Token[], k: number): number {
  if (tokens[k]?.lower !== "to") return -1;
  let v = k + 1;
  if (isQuoteMark(tokens[v])) v++;
  return tokens[v]?.pos === "VERB" ? v : -1;
}
