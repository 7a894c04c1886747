/**
 * Describes a source named by a common noun ("two senior officials in the ministry", "the bank",
 * "a report circulated online"): anonymous people with count, affiliation and role, documents,
 * organisations.
 */
import {
  DOCUMENT_NOUNS,
  NATIONALITIES,
  NOT_NAME,
  NUMBER_WORDS,
  ORDINALS,
  ORG_NOUNS,
  PERSON_NOUNS,
} from "../languages/en/source-lexicon";
import { isAgeEpithet } from "./classify-name";
import type { Description, SourceDraft } from "./describe-source";

export const DETS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"]);
export const cap = (w: string) => /^\p{Lu}/u.test(w);
/** Descriptor adjectives that may open a sentence capitalised ("Senior officials") without being a name. */
const DESCRIPTOR_ADJ = new Set([
  "senior",
  "junior",
  "top",
  "high-ranking",
  "former",
  "current",
  "veteran",
  "military",
  "government",
  "local",
  "foreign",
  "western",
  "regional",
  "opposition",
  "security",
  "intelligence",
]);
const NON_ROLE = new Set([
  "informed",
  "unnamed",
  "anonymous",
  "reliable",
  "knowledgeable",
  "some",
  "several",
  "many",
  "other",
  "outgoing",
]);
const FAMILIAR = /\b(familiar|briefed|close|involved|knowledgeable)\b/;
// "figures circulated online", "a statement read to the court": a participle ends the head noun.
const PARTICIPLE_RE = /^(\w+ed|read|seen|made|given|shown|written|taken|drawn|known|sent|held|put|set|heard|told)$/;

/** Common-noun descriptors: anonymous people, organisations, documents. */
export function describeDescriptor(
  raw: string,
  words: string[],
  lw: string[],
  src: SourceDraft,
  opts: { appositive?: string; presidentSurname?: string | null },
): Description {
  // Head: last word before a post-modifier ("officials in the ministry", "sources familiar with", "figures circulated online").
  let h = 0;
  while (
    h + 1 < lw.length &&
    !/^(in|at|of|with|from|for|on|by|to|who|close|familiar|briefed|involved)$/.test(lw[h + 1]) &&
    !(h > 0 && PARTICIPLE_RE.test(lw[h + 1]) && (PERSON_NOUNS.has(lw[h]) || DOCUMENT_NOUNS.has(lw[h])))
  )
    h++;
  const head = isAgeEpithet(lw[h] ?? "") ? "year-old" : (lw[h] ?? "");
  const pre = lw.slice(0, h);
  const bare = raw.replace(/^the\s+/i, "");
  const isShort = lw[0] === "the" && h <= 2 && h === lw.length - 1 && !words.slice(1).some(cap);
  if (PERSON_NOUNS.has(head)) {
    let count: number | null = null;
    if (/^\d+$/.test(lw[0])) count = Number(lw[0]);
    else if (lw[0] in NUMBER_WORDS) count = ORDINALS.has(lw[1]) ? 1 : NUMBER_WORDS[lw[0]];
    const plural = head === "people" || head.endsWith("s") || head.endsWith("men");
    if (count === null && !plural) count = 1;
    const affiliationWord = pre.find((w) => NATIONALITIES[w]);
    const capRun = words
      .slice(0, h)
      .filter((w, i) => cap(w) && !NATIONALITIES[lw[i]] && !NOT_NAME.has(lw[i]) && !DESCRIPTOR_ADJ.has(lw[i]))
      .join(" ");
    const postOrg = /\b(?:in|at|from|of) (?:the )?((?:[\p{L}'’-]+ ){0,3}[\p{L}'’-]+)$/u.exec(raw)?.[1];
    let affiliation = affiliationWord
      ? NATIONALITIES[affiliationWord]
      : capRun || (postOrg && !FAMILIAR.test(raw) ? postOrg : null);
    if (pre.includes("administration"))
      affiliation = opts.presidentSurname ? `${opts.presidentSurname} administration` : "administration";
    const roleWords = pre.filter(
      (w) =>
        !DETS.has(w) &&
        !(w in NUMBER_WORDS) &&
        !ORDINALS.has(w) &&
        !/^\d+$/.test(w) &&
        !NATIONALITIES[w] &&
        !NON_ROLE.has(w) &&
        (DESCRIPTOR_ADJ.has(w) || !words[lw.indexOf(w)]?.match(/^\p{Lu}/u)),
    );
    const role = /^(source|sources|people|person|someone)$/.test(head) ? null : [...roleWords, head].join(" ");
    const type = count === 1 ? "anonymous_individual" : "anonymous_group";
    return {
      source: { ...src, type, name: raw, count, affiliation, role },
      refers: isShort ? "short" : "full",
      key: head,
    };
  }
  if (DOCUMENT_NOUNS.has(head))
    return { source: { ...src, type: "document", name: bare }, refers: isShort ? "short" : "full", key: head };
  const affiliationWord = pre.find((w) => NATIONALITIES[w]);
  // An unknown plural head names people ("fiscal watchdogs", "child care advocates", "allies"), an
  // unknown singular one after "a"/"one" a person ("one rider", "a pal of Gallo's"); else an institution.
  const orgLike = ORG_NOUNS.has(head) || ORG_NOUNS.has(head.replace(/s$/, ""));
  const pluralPeople = !orgLike && /[^s]s$/.test(head) && !/(ness|ics)$/.test(head);
  const onePerson = !orgLike && /^(a|an|one|another)$/.test(lw[0] ?? "") && !/s$/.test(head);
  if (pluralPeople || onePerson) {
    const n = onePerson ? 1 : /^\d+$/.test(lw[0] ?? "") ? Number(lw[0]) : (NUMBER_WORDS[lw[0] ?? ""] ?? null);
    return {
      source: {
        ...src,
        type: onePerson || n === 1 ? "anonymous_individual" : "anonymous_group",
        name: raw,
        count: onePerson ? 1 : n,
        affiliation: affiliationWord ? NATIONALITIES[affiliationWord] : null,
      },
      refers: isShort ? "short" : "full",
      key: head,
    };
  }
  return {
    source: {
      ...src,
      type: "organization",
      name: bare,
      affiliation: affiliationWord ? NATIONALITIES[affiliationWord] : null,
    },
    refers: isShort ? "short" : "full",
    key: head,
  };
}
