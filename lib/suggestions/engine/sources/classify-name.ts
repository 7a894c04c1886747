/**
 * Small typing rules for names and descriptors that the person-by-default reading of capitalised runs
 * gets wrong: company and institution names ("Brightwater Semiconductors", "Sterling Ratings", "United
 * Nations"), names after "the" (people rarely take an article: "the Red Cross"), the news sense of
 * "agency", and documents whose mention names who relayed them ("a memo seen by the site X").
 */

/** Last words of organisation names: "… Semiconductors", "… Ratings", "… Mutual", "… Nations". */
const ORG_NAME_WORDS = new Set([
  "semiconductors",
  "ratings",
  "mutual",
  "holdings",
  "capital",
  "partners",
  "securities",
  "energy",
  "motors",
  "airlines",
  "airways",
  "systems",
  "technologies",
  "technology",
  "pharmaceuticals",
  "pharma",
  "industries",
  "insurance",
  "labs",
  "laboratories",
  "software",
  "foods",
  "media",
  "logistics",
  "shipping",
  "steel",
  "mining",
  "oil",
  "gas",
  "power",
  "telecom",
  "communications",
  "networks",
  "electronics",
  "chemicals",
  "brands",
  "ventures",
  "investments",
  "properties",
  "resources",
  "solutions",
  "services",
  "consulting",
  "associates",
  "international",
  "global",
  "trust",
  "nations",
  "college",
  "academy",
  "works",
  "utilities",
  "motor",
  "bancorp",
  "ag",
  "sa",
  "gmbh",
  "nv",
  "bv",
  "llc",
  "co",
  "se",
  "spa",
  "ab",
  "asa",
  "oyj",
  "rovers",
  "united",
  "city",
  "fc",
]);
/** Words after "the" that still introduce a person: "the Rev. Smith", "the Prince of Wales". */
const PERSON_AFTER_THE = new Set([
  "rev",
  "reverend",
  "pope",
  "prince",
  "princess",
  "king",
  "queen",
  "duke",
  "duchess",
  "archbishop",
  "lord",
  "lady",
]);
const NEWS_BEFORE_AGENCY = new Set(["news", "press", "wire", "state"]);
const RELAYED_BY_RE =
  /^(.*?\b(?:memo|report|document|documents|letter|email|e-mail|draft|recording|transcript|minutes|assessment|plan|note|cable|cables|file|files|statement|data|figures|study|paper|audit|review))\s+(?:seen|obtained|reviewed|published|leaked|released|circulated|shared|quoted|cited|read|heard)\s+by\s+\S.*$/i;

/** The run of capitalised name words is an organisation by its last word, or by a leading "the". */
export function looksLikeOrgName(runLower: string[], startsWithThe: boolean): boolean {
  const last = runLower.at(-1) ?? "";
  if (runLower.length > 1 && ORG_NAME_WORDS.has(last)) return true;
  return startsWithThe && !PERSON_AFTER_THE.has(runLower[0]?.replace(/\.$/, "") ?? "");
}

/** "agency" names a news outlet only as "news/press agency"; "rating agency X" is a company. */
export function isOutletNounAt(lw: string[], i: number, outletNouns: Set<string>): boolean {
  if (!outletNouns.has(lw[i])) return false;
  return lw[i] !== "agency" || NEWS_BEFORE_AGENCY.has(lw[i - 1] ?? "");
}

/** "a government memo seen by the news site X" → "a government memo": X relayed it (the via). */
export function cutRelayedBy(raw: string): string {
  return RELAYED_BY_RE.exec(raw)?.[1] ?? raw;
}

/** "the 29-year-old", "the 61-year-old": an age epithet points back at a person. */
export const isAgeEpithet = (word: string) => /^\d+-year-old$/.test(word);
