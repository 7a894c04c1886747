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

// Acronyms with dots (U.S.), numbers with separators (1,800 / 3.1%) unless a word is glued on with a
// hyphen ("29-year-old" is one word, a person), words with inner apostrophes or hyphens (Reiner's,
// counter-terrorism), otherwise any single non-space character as punctuation.
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*%?(?!\d|[.,]\d|-\p{L})|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\S/gu;
const WORDISH_RE = /^[\p{L}\p{N}]/u;
const CAP_RE = /^\p{Lu}/u;
/** Lower-case particles inside personal names: "Joost van Damme", "Badr al-Rashdi", "Luiz da Silva". */
const NAME_PARTICLES = new Set([
  "van",
  "von",
  "de",
  "der",
  "den",
  "del",
  "della",
  "di",
  "da",
  "du",
  "dos",
  "das",
  "ter",
  "ten",
  "bin",
  "ibn",
  "al",
  "el",
  "le",
  "la",
  "abu",
]);
const PARTICLE_PREFIX_RE = /^(?:al|el|ad|as|ash|at|an|bin|ibn|abu|ben|d|o)[-'’]\p{Lu}/u;

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
      isCap: CAP_RE.test(t) || (t.length > 3 && /[-'’]/.test(t.slice(1, 5)) && PARTICLE_PREFIX_RE.test(t)),
    });
  }
  // A particle counts as part of a name only between two capitalised words, one space apart each side.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [a, p, b] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (
      NAME_PARTICLES.has(p.text) &&
      a.isCap &&
      a.isWord &&
      b.isCap &&
      b.isWord &&
      p.start - a.end === 1 &&
      b.start - p.end === 1
    )
      p.isCap = true;
  }
  return tokens;
}

/** True for a name particle that sits inside a run of capitalised words (same rule as the tokenizer). */
export function isNameParticle(word: string, prev: string | undefined, next: string | undefined): boolean {
  if (PARTICLE_PREFIX_RE.test(word)) return true;
  return NAME_PARTICLES.has(word) && !!prev && !!next && CAP_RE.test(prev) && CAP_RE.test(next);
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
