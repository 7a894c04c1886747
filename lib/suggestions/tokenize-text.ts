/**
 * One pass of tokens over the whole text, with offsets, so every rule works on the same indices and
 * reports UTF-16 offsets straight from the regex match.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  isWord: boolean;
  /** Starts with an upper-case letter (names, sentence starts, acronyms). */
  isCap: boolean;
}

// Acronyms with dots (U.S.), numbers with separators (1,800 / 3.1%), words with inner apostrophes or
// hyphens (Reiner's, counter-terrorism), otherwise any single non-space character as punctuation.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*%?|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|\S/gu;
const WORDISH_RE = /^[\p{L}\p{N}]/u;
const CAP_RE = /^\p{Lu}/u;

export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    tokens.push({
      start: m.index,
      end: m.index + t.length,
      text: t,
      lower: t.toLowerCase().replace(/’/g, "'"),
      isWord: WORDISH_RE.test(t),
      isCap: CAP_RE.test(t),
    });
  }
  return tokens;
}

/** Index of the first token starting at or after `offset` (binary search; tokens are sorted). */
export function findTokenIndex(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
