/**
 * The key under which named sources are unique per type: "The  Politico" and "politico" are one
 * record. Case-folded, whitespace collapsed, a leading English "the" dropped, Unicode NFKC so
 * full-width and composed forms compare equal.
 */
export function normalizeSourceName(name: string): string {
  return name
    .normalize("NFKC")
    .toLocaleLowerCase("und")
    .replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/gu, " ")
    .trim()
    .replace(/^the\s+/u, "")
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/gu, "")
    .trim();
}
