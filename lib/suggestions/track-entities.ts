/**
 * Who has been mentioned so far, so pointers can be resolved: capitalised names anywhere in the prose
 * (outside headings and long quotes) plus every claim source as it is found. "he"/"she" take the most
 * recent salient individual (a claim source or a sentence's subject) of a compatible gender within
 * about a paragraph, else the nearest compatible one; "they" the nearest group; "the bank" the source
 * whose name or role has that head noun (one already quoted first); "Lindqvist" the person with that
 * surname, "Brightwater" the organisation whose name starts with it.
 */
import { type Description, describeSource, type SourceDraft } from "./describe-source";
import { startsWithSubjectVerb } from "./detect-clause";
import { contradicts, type Genders, genderFromContext, noteGender } from "./entity-gender";
import { readOutlet } from "./find-via";
import { COUNTRIES, NOT_NAME } from "./source-lexicon";
import type { Token } from "./tokenize-text";
import type { Span } from "./types";

export interface Entity {
  start: number;
  source: SourceDraft;
  fromClaim: boolean;
  /** Opens its sentence (a subject), so a following pronoun most likely points back at it. */
  salient?: boolean;
}

const SALIENCE_WINDOW = 600; // about a paragraph of news prose
const ORG_CONTEXT = new Set(["the", "at", "from"]); // "analysts at Kepler Hargreave", "the Red Cross"
const NOT_SUBJECT_BEFORE = new Set([
  "the",
  "a",
  "an",
  "in",
  "on",
  "at",
  "to",
  "from",
  "of",
  "for",
  "by",
  "with",
  "into",
  "near",
]);
const GENERIC_NOUNS = new Set([
  "company",
  "firm",
  "group",
  "business",
  "carmaker",
  "chipmaker",
  "maker",
  "lender",
  "insurer",
  "retailer",
  "operator",
  "supplier",
  "producer",
  "manufacturer",
  "report",
  "study",
  "survey",
  "document",
  "paper",
  "analysis",
]);

/** Capitalised-name entities in reading order. Single words count only as short names of known sources. */
export function scanEntities(
  text: string,
  tokens: Token[],
  quoteMask: Uint8Array,
  skip: Span[],
  sentenceStarts: Set<number>,
  genders: Genders,
): Entity[] {
  const out: Entity[] = [];
  const described = new Map<string, Description>(); // names repeat: describe each once per text
  // Latest person per surname and organisation per first word, for "Lindqvist" and "Brightwater".
  const bySurname = new Map<string, SourceDraft>();
  const byOrgHead = new Map<string, SourceDraft>();
  const inSkip = (o: number) => quoteMask[o] === 2 || skip.some((s) => o >= s.start && o < s.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isCap || !t.isWord || NOT_NAME.has(t.lower) || inSkip(t.start)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      if (n.isCap && n.isWord && !NOT_NAME.has(n.lower) && n.start - tokens[j].end <= 1) j++;
      else if (
        (n.text === "." && /^(Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Gov|Rep)$/.test(tokens[j].text)) ||
        ((n.text === "’" || n.text === "'") && n.start === tokens[j].end)
      )
        j++;
      else if (n.lower === "of" && tokens[j + 2]?.isCap) j += 2;
      else break;
    }
    const outlet = i >= 2 ? readOutlet(text, tokens, i - 2, j + 1, true) : null;
    const mentionText = text.slice(t.start, tokens[j].end).replace(/[’']$/, "");
    let d = described.get(mentionText);
    if (!d) {
      d = describeSource(mentionText);
      described.set(mentionText, d);
    }
    const salient = sentenceStarts.has(t.start);
    let source: SourceDraft | null = null;
    if (outlet && outlet.mention.start === t.start) source = { ...d.source, type: "media_outlet", name: outlet.name };
    else if (d.refers === "surname") {
      // An unknown single name counts mid-sentence when it heads a clause ("said Kovac had planned it"),
      // never at a sentence start, where any capitalised word stands ("Inflation has slowed").
      const key = d.key.replace(/['’]s$/, "");
      source = bySurname.get(key) ?? byOrgHead.get(key) ?? null;
      if (
        !source &&
        !salient &&
        !NOT_SUBJECT_BEFORE.has(tokens[i - 1]?.lower ?? "") &&
        startsWithSubjectVerb(tokens, i, Math.min(j + 3, tokens.length - 1))
      )
        source = d.source;
    } else if ((d.refers === "full" && d.source.type !== "person") || j > i) {
      source =
        d.source.type === "person" && ORG_CONTEXT.has(tokens[i - 1]?.lower ?? "")
          ? { ...d.source, type: "organization" }
          : d.source;
    }
    if (!source) continue;
    if (source.type === "person")
      noteGender(genders, source, genderFromContext(text.slice(Math.max(0, t.start - 12), t.start), source));
    out.push({ start: t.start, source, fromClaim: false, salient });
    const parts = source.name.split(" ");
    if (source.type === "person") bySurname.set(parts.at(-1)!, source);
    else if (source.type === "organization" && parts.length > 1) byOrgHead.set(parts[0], source);
    i = j;
  }
  return out;
}

/** "Lindqvist" → the person with that surname; "Brightwater" → the organisation named "Brightwater …". */
function findShortName(before: Entity[], key: string): SourceDraft | null {
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i].source;
    if (s.type === "person" && s.name.split(" ").at(-1) === key) return s;
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i].source;
    if (s.type === "organization" && s.name.split(" ")[0] === key && s.name.includes(" ")) return s;
  }
  return null;
}

const INDIVIDUAL = new Set(["person", "anonymous_individual"]);
const family = (t: string) =>
  t === "organization" || t === "media_outlet" ? "org" : t === "document" ? "doc" : "people";
const singular = (w: string) => w.replace(/(ies)$/, "y").replace(/s$/, "");

/** The most recent salient candidate within a paragraph's reach, else the nearest one. */
function pickSalient(before: Entity[], offset: number, fits: (e: Entity) => boolean): SourceDraft | null {
  let nearest: SourceDraft | null = null;
  for (let i = before.length - 1; i >= 0; i--) {
    const e = before[i];
    if (!fits(e)) continue;
    if ((e.salient || e.fromClaim) && offset - e.start <= SALIENCE_WINDOW) return e.source;
    nearest ??= e.source;
  }
  return nearest;
}

/** Resolves a pointer mention at `offset` against entities before it; null if nothing fits. */
export function resolveMention(
  d: Description,
  offset: number,
  entities: Entity[],
  genders: Genders,
): SourceDraft | null {
  const before = entities.filter((e) => e.start < offset);
  const individual = (e: Entity) => INDIVIDUAL.has(e.source.type) && !contradicts(genders, e.source, d.key);
  if (d.refers === "pronoun" && (d.key === "he" || d.key === "she")) return pickSalient(before, offset, individual);
  if (d.refers === "short" && d.key === "year-old") return pickSalient(before, offset, individual); // "the 29-year-old"
  if (d.refers === "surname") return findShortName(before, d.key);
  if (d.refers === "short") {
    // "the bank" is an organisation, "the official" a person: never cross those families.
    const key = singular(d.key);
    const sameFamily = (e: Entity) => family(d.source.type) === family(e.source.type);
    const named = (e: Entity) =>
      sameFamily(e) &&
      `${e.source.name} ${e.source.role ?? ""}`
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .map(singular)
        .includes(key);
    const quoted = before.findLast((e) => e.fromClaim && named(e));
    const match = quoted ?? before.findLast(named);
    if (match) return match.source;
    // "the company", "the report": the nearest source of that family, but never a country.
    return GENERIC_NOUNS.has(d.key)
      ? pickSalient(before, offset, (e) => sameFamily(e) && !COUNTRIES[e.source.name.toLowerCase()])
      : null;
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i].source;
    if (d.refers === "pronoun") {
      if (d.key === "they" && s.type === "anonymous_group") return s;
      if (d.key === "it" && (s.type === "organization" || s.type === "media_outlet" || s.type === "document")) return s;
    } else if (d.refers === "partitive" && s.type === "anonymous_group") {
      return {
        ...s,
        type: "anonymous_individual",
        name: d.source.name,
        count: d.source.count,
        role: s.role ? singular(s.role) : null,
        anonymityReason: null,
      };
    }
  }
  // "they" with no group in sight may be an organisation speaking.
  if (d.refers === "pronoun" && d.key === "they")
    return before.findLast((e) => e.source.type === "organization")?.source ?? null;
  return null;
}
