/**
 * Gender evidence for resolving "he"/"she", taken from the article itself (no name lists): an honorific
 * before the name ("Mr Kovac", "Ms Greve"), a gendered role noun ("spokeswoman", "chairman"), and
 * earlier pronouns already resolved to the same source ("She told the court" makes Marsh "she").
 * Evidence is kept per source name, so every mention of the same person shares it.
 */
import type { SourceDraft } from "./describe-source";

export type Gender = "m" | "f";
export type Genders = Map<string, Gender>;

const FEMALE_HONORIFIC_RE = /\b(?:Mrs|Ms|Miss|Dame|Lady|Madam|Mme|Baroness|Queen|Princess)\.?\s+$/;
const MALE_HONORIFIC_RE = /\b(?:Mr|Sir|Lord|Baron|King|Prince)\.?\s+$/;
const FEMALE_ROLE_RE =
  /\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|sportswoman|actress|mother|wife|daughter|sister|woman|girl|grandmother|aunt|niece|duchess|widow)\b/i;
const MALE_ROLE_RE =
  /\b(?:spokesman|chairman|businessman|congressman|councilman|sportsman|father|husband|son|brother|man|boy|grandfather|uncle|nephew|duke|widower)\b/i;

/** Gender shown by the words just before a mention and by its role; null when nothing says. */
export function genderFromContext(before: string, source: SourceDraft): Gender | null {
  // The honorific may sit just before the mention or inside it, read as a title ("Mr Kovac" → role "Mr").
  const lead = `${before}${source.role ?? ""} `;
  if (
    FEMALE_HONORIFIC_RE.test(before) ||
    /^(?:Mrs|Ms|Miss|Dame|Lady)\b/.test(source.role ?? "") ||
    FEMALE_HONORIFIC_RE.test(lead)
  )
    return "f";
  if (MALE_HONORIFIC_RE.test(before) || /^(?:Mr|Sir|Lord)\b/.test(source.role ?? "") || MALE_HONORIFIC_RE.test(lead))
    return "m";
  const role = `${source.role ?? ""} ${source.name}`;
  if (FEMALE_ROLE_RE.test(role)) return "f";
  if (MALE_ROLE_RE.test(role)) return "m";
  return null;
}

export const pronounGender = (key: string): Gender | null => (key === "he" ? "m" : key === "she" ? "f" : null);

/** Records evidence once; the first evidence wins, so a later misresolution cannot flip it. */
export function noteGender(genders: Genders, source: SourceDraft, gender: Gender | null): void {
  if (gender && !genders.has(source.name)) genders.set(source.name, gender);
}

/** True when what is known of the source's gender contradicts the pronoun. */
export function contradicts(genders: Genders, source: SourceDraft, key: string): boolean {
  const want = pronounGender(key);
  const have = genders.get(source.name);
  return !!want && !!have && want !== have;
}
