/**
 * Describes a source from its mention: type, name, count, affiliation, role, and whether the mention
 * only points back at someone ("he", "the bank", "Lindqvist", "one of them") and needs resolving.
 */

import { isNameParticle } from "../languages/en/name-particles";
import {
  COUNTRIES,
  DOCUMENT_NOUNS,
  KNOWN_OUTLET_SET,
  NATIONALITIES,
  NOT_NAME,
  NUMBER_WORDS,
  ORG_NOUNS,
  OUTLET_NOUNS,
  PERSON_NOUNS,
  PRONOUNS,
  TITLES,
} from "../languages/en/source-lexicon";
import type { SuggestedSource } from "../types";
import { cutRelayedBy, isOutletNounAt, looksLikeOrgName } from "./classify-name";
import { cap, DETS, describeDescriptor } from "./describe-descriptor";
import { OUTLET_NAME_WORDS } from "./read-outlet";

export type SourceDraft = Omit<SuggestedSource, "existingSourceId">;
export interface Description {
  source: SourceDraft;
  /** How the mention refers: a full description, or a pointer that must be resolved to an earlier source. */
  refers: "full" | "pronoun" | "short" | "surname" | "partitive";
  /** For pointers: the pronoun or head noun to match ("she", "bank", "Lindqvist"). */
  key: string;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;
const PARTITIVE_RE = /^(one|two|three|some|several|many|each|both|none|most|another) of (them|those|these|the\s.+)$/i;

const POSSESSIVE_TO_SUBJECT: Record<string, string> = { his: "he", her: "she", their: "they", its: "it" };
const base = (): SourceDraft => ({
  type: "organization",
  name: "",
  count: null,
  affiliation: null,
  role: null,
  anonymityReason: null,
});

/** Trailing run of capitalised name words ("Governor Maria Lindqvist", "Central Bank of Norland"). */
function trailingCapRun(words: string[]): number {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1];
    if ((cap(w) && !NOT_NAME.has(w.toLowerCase())) || isNameParticle(w, words[i - 2], words[i]))
      i--; // "Joost van Damme"
    else if (w.toLowerCase() === "of" && i < words.length && i > 1 && cap(words[i - 2])) i--;
    else break;
  }
  return i;
}

export function describeSource(
  mentionText: string,
  opts: { appositive?: string; presidentSurname?: string | null } = {},
): Description {
  const raw = mentionText.trim().replace(/[,\s]+$/, "");
  const _lower = raw.toLowerCase().replace(/’/g, "'");
  const words = raw.match(WORD_RE) ?? [];
  const lw = words.map((w) => w.toLowerCase().replace(/’/g, "'").replace(/\.$/, ""));
  const src = base();
  if (words.length === 1 && lw[0] in PRONOUNS) {
    // Used as is only when nothing earlier fits; the pronoun still says person, group or thing.
    // A possessive ("In his view") resolves like its subject form.
    const key = POSSESSIVE_TO_SUBJECT[lw[0]] ?? lw[0];
    const type =
      PRONOUNS[lw[0]] === "singular" ? "person" : PRONOUNS[lw[0]] === "plural" ? "anonymous_group" : "organization";
    return { source: { ...src, type, name: raw }, refers: "pronoun", key };
  }
  if (words.length === 1 && /['’]s$/.test(raw)) return describeSource(raw.slice(0, -2), opts); // "In Pike's view"
  // "one cautioned", "another said", "others warned": members of the group just mentioned.
  if (words.length === 1 && /^(one|another|some|others|most|several|many)$/.test(lw[0])) {
    const n = lw[0] === "one" || lw[0] === "another" ? 1 : null;
    return {
      source: { ...src, type: n === 1 ? "anonymous_individual" : "anonymous_group", name: raw, count: n },
      refers: "partitive",
      key: "them",
    };
  }
  const partitive = PARTITIVE_RE.exec(raw);
  if (partitive) {
    const n = NUMBER_WORDS[partitive[1].toLowerCase()] ?? null;
    return {
      source: { ...src, type: n === 1 ? "anonymous_individual" : "anonymous_group", name: raw, count: n },
      refers: "partitive",
      key: partitive[2],
    };
  }
  const core = cutRelayedBy(raw);
  if (core !== raw) return describeSource(core, opts);
  const bare = raw.replace(/^the\s+/i, "");
  // "Bloomberg News", "The Daily Echo", "the Harbury Times": an outlet by the last word of its name.
  const lastWord = lw.at(-1) ?? "";
  if (
    words.length > 1 &&
    cap(words.at(-1) ?? "") &&
    OUTLET_NAME_WORDS.has(lastWord) &&
    !lw.some((w) => ORG_NOUNS.has(w))
  )
    return { source: { ...src, type: "media_outlet", name: bare }, refers: "full", key: "" };
  if (KNOWN_OUTLET_SET.has(bare.toLowerCase()))
    return { source: { ...src, type: "media_outlet", name: bare }, refers: "full", key: "" };
  const outletNoun = lw.findIndex(
    (_w, i) => isOutletNounAt(lw, i, OUTLET_NOUNS) && i + 1 < words.length && cap(words[i + 1]),
  );
  if (outletNoun >= 0) {
    return {
      source: { ...src, type: "media_outlet", name: words.slice(outletNoun + 1).join(" "), role: lw[outletNoun] },
      refers: "full",
      key: "",
    };
  }
  // "Polls", "Opinion polls", "Court filings", "Data from the bureau": a document by its head noun.
  const docHead = (w: string) =>
    DOCUMENT_NOUNS.has(w) ||
    (w.endsWith("s") && (DOCUMENT_NOUNS.has(w.slice(0, -1)) || DOCUMENT_NOUNS.has(w.replace(/ies$/, "y"))));
  const headIndex = lw.findIndex((w) => /^(from|by|of|in|released|published|obtained|compiled|seen)$/.test(w));
  const head = lw[(headIndex > 0 ? headIndex : lw.length) - 1] ?? "";
  if (docHead(head) && !PERSON_NOUNS.has(head))
    return {
      source: { ...src, type: "document", name: bare },
      refers: lw[0] === "the" && lw.length <= 3 ? "short" : "full",
      key: head,
    };
  // "Forecasters", "Insurers", "Democrats" opening a sentence: a plural that names people, not a
  // person (gold: parties as organisations, people by what they do as groups).
  if (words.length === 1 && cap(raw) && /(ers|ors|ists|ians|ants|ents|ics|ives|ites)$/.test(lw[0]))
    return {
      source: {
        ...src,
        type: /^(democrats|republicans|conservatives|liberals|socialists|greens)$/.test(lw[0])
          ? "organization"
          : "anonymous_group",
        name: raw,
      },
      refers: "full",
      key: lw[0],
    };
  const runStart = trailingCapRun(words);
  const run = words.slice(runStart);
  const runLower = run.map((w) => w.toLowerCase());
  const beforeRun = lw[runStart - 1] ?? "";
  if (run.length > 0 && ORG_NOUNS.has(beforeRun)) {
    // "the employers' federation UnionTrade", "the carmaker group Stellar": the noun says what the name is.
    return {
      source: {
        ...src,
        type: "organization",
        name: run.join(" "),
        role:
          words
            .slice(0, runStart)
            .filter((_w, i) => !DETS.has(lw[i]))
            .join(" ") || null,
      },
      refers: "full",
      key: "",
    };
  }
  // "Analysts at Baltic Securities": the name is where the people work, not who they are.
  const runAfterPreposition = /^(at|of|from|with|for|in)$/.test(beforeRun);
  if (run.length > 0 && !PERSON_NOUNS.has(runLower.at(-1)!) && !runAfterPreposition) {
    const runText = run.join(" ");
    // "Nordvolt, the country's largest electricity supplier,": the appositive says it is a company.
    const orgAppositive =
      opts.appositive &&
      /\b(company|firm|supplier|provider|operator|producer|maker|retailer|group|airline|bank|agency|organi[sz]ation|charity|union|party|ministry|insurer|lender|utility|manufacturer|carrier|broadcaster|developer|chain)\b/i.test(
        opts.appositive,
      ) &&
      !/\b(who|he|she)\b/i.test(opts.appositive);
    // "Senate Majority Leader Tom Harlan", "Energy Department spokeswoman Kim Lau": a title, then a name.
    const lastTitle = runLower.findLastIndex((w) => TITLES.has(w.replace(/\.$/, "")) || PERSON_NOUNS.has(w));
    const titledName =
      lastTitle >= 0 &&
      run.length - lastTitle - 1 >= 1 &&
      run.length - lastTitle - 1 <= 4 &&
      !runLower.slice(lastTitle + 1).some((w) => ORG_NOUNS.has(w));
    if (
      (!titledName && runLower.some((w) => ORG_NOUNS.has(w))) ||
      COUNTRIES[runText.toLowerCase()] ||
      (run.length === 1 && orgAppositive) ||
      looksLikeOrgName(runLower, runStart === 1 && lw[0] === "the")
    ) {
      return {
        source: { ...src, type: "organization", name: bare, affiliation: COUNTRIES[runText.toLowerCase()] ?? null },
        refers: "full",
        key: "",
      };
    }
    // A person: leading titles belong to the role ("Governor", "national security adviser").
    let t = 0;
    // A capitalised role noun opening a sentence ("Prosecutor Helen Marsh") is a title too.
    while (
      t < run.length - 1 &&
      (TITLES.has(runLower[t].replace(/\.$/, "")) || NATIONALITIES[runLower[t]] || PERSON_NOUNS.has(runLower[t]))
    )
      t++;
    if (titledName) t = Math.max(t, lastTitle + 1);
    const name = run.slice(t).join(" ").replace(/\s\./g, ".");
    const roleWords = [
      ...words.slice(0, runStart).filter((_w, i) => !DETS.has(lw[i])),
      ...run.slice(0, t).filter((w) => !NATIONALITIES[w.toLowerCase()]),
    ];
    const role = roleWords.join(" ").replace(/\s*,\s*$/, "") || describeAppositiveRole(opts.appositive);
    const affiliation = describeAppositiveAffiliation(opts.appositive);
    const single = run.length - t === 1 && runStart === 0;
    return {
      source: { ...src, type: "person", name, role: role || null, affiliation },
      refers: single ? "surname" : "full",
      key: name,
    };
  }
  return describeDescriptor(raw, words, lw, src, opts);
}

function describeAppositiveRole(appositive?: string): string | null {
  if (!appositive || /^(who|which|whose)\b/i.test(appositive.trim())) return null;
  const m = /^(?:a|an|the)?\s*((?:[\p{Ll}-]+\s?){1,4}?)(?:\s+(?:at|of|for|with|who|from)\b|$)/u.exec(appositive.trim());
  return m?.[1]?.trim() || null;
}

function describeAppositiveAffiliation(appositive?: string): string | null {
  if (!appositive) return null;
  return /\b(?:at|of|for|with) (?:the )?((?:\p{Lu}[\p{L}'’-]*\s?)+)/u.exec(appositive)?.[1]?.trim() ?? null;
}
