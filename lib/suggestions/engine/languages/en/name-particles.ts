/** Lower-case particles inside personal names: "Joost van Damme", "Badr al-Rashdi", "Luiz da Silva". */
export const NAME_PARTICLES = new Set([
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

const CAP_RE = /^\p{Lu}/u;

/** True for a name particle that sits inside a run of capitalised words (same rule as the tokenizer). */
export function isNameParticle(word: string, prev: string | undefined, next: string | undefined): boolean {
  if (PARTICLE_PREFIX_RE.test(word)) return true;
  return NAME_PARTICLES.has(word) && !!prev && !!next && CAP_RE.test(prev) && CAP_RE.test(next);
}
