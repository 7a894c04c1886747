/**
 * Who has been mentioned so far, so pointers can be resolved: capitalised names anywhere in the prose
 * (outside headings and long quotes) plus every claim source as it is found. "he"/"she" take the most
 * recent salient individual (a claim source or a sentence's subject) of a compatible gender within
 * about a paragraph, else the nearest compatible one; "they" the nearest group; "the bank" the source
 * whose name or role has that head noun (one already quoted first); "Lindqvist" the person with that
 * surname, "Brightwater" the organisation whose name starts with it.
 */

import { COUNTRIES, NOT_NAME } from "../languages/en/source-lexicon";
import type { Token } from "../nlp/token";
import { type Description, describeSource, type SourceDraft } from "./describe-source";
import { contradicts, type Genders, genderFromContext, noteGender } from "./entity-gender";
import { readOutlet } from "./read-outlet";

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
  skipToken: (i: number) => boolean,
  sentenceStarts: Set<number>,
  genders: Genders,
): Entity[] {
  const out: Entity[] = [];
  const described = new Map<string, Description>(); // names repeat: describe each once per text
  // Latest person per surname and organisation per first word, for "Lindqvist" and "Brightwater".
  const bySurname = new Map<string, SourceDraft>();
  const byOrgHead = new Map<string, SourceDraft>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isCap || !t.isWord || NOT_NAME.has(t.lower) || skipToken(i)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      if (n.isCap && n.isWord && !NOT_NAME.has(n.lower) && n.start - tokens[j].end <= 1) j++;
      else if (
        (n.text === "." &&
          n.start === tokens[j].end &&
          /^(Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Gov|Rep|Lt|Col|Sgt|Capt|Maj)$/.test(tokens[j].text)) ||
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
        (tokens[j + 1]?.pos === "VERB" || tokens[j + 1]?.pos === "AUX")
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

/**
 * The entities before a mention: a prefix of the sorted list, read backwards and only so far back
 * (a few pages of text), so resolving every mention of a long text stays linear.
 */
export interface Prior {
  list: Entity[];
  end: number;
}
const MAX_BACK = 400;

function findBack(prior: Prior, fits: (e: Entity) => boolean): Entity | null {
  for (let i = prior.end - 1; i >= Math.max(0, prior.end - MAX_BACK); i--)
    if (fits(prior.list[i])) return prior.list[i];
  return null;
}

/** "Lindqvist" → the person with that surname; "Brightwater" → the organisation named "Brightwater …". */
function findShortName(prior: Prior, key: string): SourceDraft | null {
  return (
    findBack(prior, (e) => e.source.type === "person" && e.source.name.split(" ").at(-1) === key)?.source ??
    findBack(
      prior,
      (e) => e.source.type === "organization" && e.source.name.split(" ")[0] === key && e.source.name.includes(" "),
    )?.source ??
    null
  );
}

const INDIVIDUAL = new Set(["person", "anonymous_individual"]);
const family = (t: string) =>
  t === "organization" || t === "media_outlet" ? "org" : t === "document" ? "doc" : "people";
const singular = (w: string) => w.replace(/(ies)$/, "y").replace(/s$/, "");

/** The most recent salient candidate within a paragraph's reach, else the nearest one. */
function pickSalient(prior: Prior, offset: number, fits: (e: Entity) => boolean): SourceDraft | null {
  let nearest: SourceDraft | null = null;
  for (let i = prior.end - 1; i >= Math.max(0, prior.end - MAX_BACK); i--) {
    const e = prior.list[i];
    if (!fits(e)) continue;
    if ((e.salient || e.fromClaim) && offset - e.start <= SALIENCE_WINDOW) return e.source;
    nearest ??= e.source;
    if (offset - e.start > SALIENCE_WINDOW * 4) break;
  }
  return nearest;
}

/** Resolves a pointer mention at `offset` against the entities before it; null if nothing fits. */
export function resolveMention(d: Description, offset: number, prior: Prior, genders: Genders): SourceDraft | null {
  const individual = (e: Entity) => INDIVIDUAL.has(e.source.type) && !contradicts(genders, e.source, d.key);
  if (d.refers === "pronoun" && (d.key === "he" || d.key === "she" || d.key === "who"))
    return pickSalient(prior, offset, individual);
  if (d.refers === "short" && d.key === "year-old") return pickSalient(prior, offset, individual); // "the 29-year-old"
  if (d.refers === "surname") return findShortName(prior, d.key);
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
    const match = findBack(prior, (e) => e.fromClaim && named(e)) ?? findBack(prior, named);
    if (match) return match.source;
    // "the company", "the report": the nearest source of that family, but never a country.
    return GENERIC_NOUNS.has(d.key)
      ? pickSalient(prior, offset, (e) => sameFamily(e) && !COUNTRIES[e.source.name.toLowerCase()])
      : null;
  }
  if (d.refers === "pronoun" && d.key === "they") {
    // "they" with no group in sight may be an organisation speaking.
    return (
      findBack(prior, (e) => e.source.type === "anonymous_group")?.source ??
      findBack(prior, (e) => e.source.type === "organization")?.source ??
      null
    );
  }
  if (d.refers === "pronoun" && d.key === "it")
    return (
      findBack(
        prior,
        (e) => e.source.type === "organization" || e.source.type === "media_outlet" || e.source.type === "document",
      )?.source ?? null
    );
  if (d.refers === "partitive") {
    const group = findBack(prior, (e) => e.source.type === "anonymous_group")?.source;
    if (!group) return null;
    return {
      ...group,
      type: "anonymous_individual",
      name: d.source.name,
      count: d.source.count,
      role: group.role ? singular(group.role) : null,
      anonymityReason: null,
    };
  }
  return null;
}
