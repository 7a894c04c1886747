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
