/**
 * Locates the noun phrase naming the source around a cue: walking left from the verb group (the usual
 * "X said"), skipping a relative clause or appositive between commas ("X, who requested anonymity,
 * said"), joining a role apposition ("the education minister, Lena Hartmann, said"), or reading right
 * for inverted order ("…," said Henrik Aalto).
 */
import { CLAUSE_WORDS, CUE_VERBS, FINITE_HINTS } from "./cue-lexicon";
import { DOCUMENT_NOUNS, NOT_NAME, NUMBER_WORDS, ORG_NOUNS, PERSON_NOUNS } from "./source-lexicon";
import type { Token } from "./tokenize-text";

export interface MentionRange {
  first: number;
  last: number;
  /** Token range of a skipped appositive or relative clause, kept for role and anonymity reason. */
  appositive: { first: number; last: number } | null;
}

const PREPOSITIONS = new Set([
  "in",
  "at",
  "on",
  "with",
  "of",
  "from",
  "for",
  "by",
  "to",
  "about",
  "near",
  "inside",
  "within",
  "among",
  "across",
]);
const POSTMODIFIERS = new Set(["familiar", "close", "briefed", "involved", "knowledgeable", "based"]);
const QUANTIFIERS = new Set(["some", "many", "several", "none", "each", "all", "most", "both", "either", "neither"]);
// "X, the country's largest supplier, said" / "X, in a written response, said": skipped inserts.
const APPOSITIVE_STARTS = new Set([
  "who",
  "which",
  "whose",
  "a",
  "an",
  "the",
  "aged",
  "speaking",
  "himself",
  "herself",
  "themselves",
  "also",
  "one",
  "both",
  "in",
  "at",
  "on",
  "after",
  "during",
  "with",
  "from",
  "for",
  "like",
  "however",
  "meanwhile",
  "though",
  "now",
  "then",
  "formerly",
  "still",
  "once",
  "herself",
  "itself",
  "whom",
]);
const MAX_MENTION_TOKENS = 12;
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "whose"]);
const PARTICIPLE_RE = /^(\w+ed|seen|done|written|given|shown|made|taken|drawn|known)$/;
const isSourceNoun = (w: string) => PERSON_NOUNS.has(w) || ORG_NOUNS.has(w) || DOCUMENT_NOUNS.has(w);

function isProperName(tokens: Token[], first: number, last: number): boolean {
  if (last < first) return false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (t.text === ".") continue;
    if (!t.isCap || NOT_NAME.has(t.lower)) return false;
  }
  return true;
}

/** Plain leftward NP walk from `j` (inclusive) down to `from`; returns the first token index or null. */
function walkNounPhrase(tokens: Token[], j: number, from: number): number | null {
  const last = j;
  for (; j >= from; j--) {
    const t = tokens[j];
    if (!t.isWord) {
      // "the teachers’ union": a possessive apostrophe after a plural.
      if (
        (t.text === "’" || t.text === "'") &&
        j > from &&
        tokens[j - 1].lower.endsWith("s") &&
        tokens[j - 1].end === t.start
      )
        continue;
      break;
    }
    if (CLAUSE_WORDS.has(t.lower)) break;
    // A cue word is a noun here when it heads the phrase right before the verb group ("The report
    // also warned") or follows a determiner; "informed sources" is an adjective.
    if (
      CUE_VERBS.has(t.lower) &&
      !t.isCap &&
      j < last &&
      !PERSON_NOUNS.has(tokens[j + 1]?.lower ?? "") &&
      !DETERMINERS.has(tokens[j - 1]?.lower ?? "")
    )
      break;
    if (PREPOSITIONS.has(t.lower)) {
      const left = tokens[j - 1];
      const ok =
        j < last &&
        left &&
        (PERSON_NOUNS.has(left.lower) ||
          ORG_NOUNS.has(left.lower) ||
          POSTMODIFIERS.has(left.lower) ||
          (t.lower === "of" && (left.lower in NUMBER_WORDS || QUANTIFIERS.has(left.lower) || left.isCap)) ||
          // "a study published on Thursday", "documents seen by reporters": a participle after a noun.
          (PARTICIPLE_RE.test(left.lower) && isSourceNoun(tokens[j - 2]?.lower ?? "")));
      if (!ok) break;
    }
    if (last - j + 1 > MAX_MENTION_TOKENS) return null;
  }
  return j + 1 <= last ? j + 1 : null;
}

/** Index of the previous comma in [from, j], or -1 if a stronger boundary comes first. */
function previousComma(tokens: Token[], j: number, from: number): number {
  for (let k = j; k >= from; k--) {
    if (tokens[k].text === ",") return k;
    if (!tokens[k].isWord && tokens[k].text !== "." && tokens[k].text !== "’" && tokens[k].text !== "'") return -1;
  }
  return -1;
}

export function findMentionBefore(tokens: Token[], cueFirst: number, from: number): MentionRange | null {
  let j = cueFirst - 1;
  let appositive: MentionRange["appositive"] = null;
  if (j >= from && tokens[j].text === ",") {
    const k = previousComma(tokens, j - 1, from);
    if (k < 0 || k + 1 > j - 1) return null;
    const seg = { first: k + 1, last: j - 1 };
    const head = tokens[seg.first];
    if (APPOSITIVE_STARTS.has(head.lower) || /^\d/.test(head.text)) {
      appositive = seg;
      j = k - 1;
    } else if (isProperName(tokens, seg.first, seg.last)) {
      // "the education minister, Lena Hartmann, said": a role phrase, comma, then the name.
      const roleFirst = walkNounPhrase(tokens, k - 1, from);
      if (
        roleFirst !== null &&
        (/^(the|a|an|her|his|their|its)$/.test(tokens[roleFirst].lower) || /['’]s$/.test(tokens[roleFirst].lower))
      ) {
        return { first: roleFirst, last: seg.last, appositive: null };
      }
      return { first: seg.first, last: seg.last, appositive: null };
    } else return null;
  }
  if (j < from) return null;
  const first = walkNounPhrase(tokens, j, from);
  if (first === null) return null;
  // "the Green Alliance leader, Sara Holm said": same role apposition without the trailing comma.
  if (isProperName(tokens, first, j) && first - 1 > from && tokens[first - 1].text === ",") {
    const roleFirst = walkNounPhrase(tokens, first - 2, from);
    // Same openers as the comma-closed form above: "the", "his", or a possessor ("Oman’s foreign minister").
    const opener = tokens[roleFirst ?? first];
    if (
      roleFirst !== null &&
      (/^(the|a|an|her|his|their|its)$/.test(opener.lower) || /['’]s$/.test(opener.lower)) &&
      !isProperName(tokens, roleFirst + 1, first - 2)
    ) {
      return { first: roleFirst, last: j, appositive };
    }
  }
  return { first, last: j, appositive };
}

/** Antecedent of a non-restrictive relative pronoun: "The firm, which said …" → "The firm". */
export function findRelativeAntecedent(tokens: Token[], relIndex: number, from: number): MentionRange | null {
  const comma = relIndex - 1;
  if (comma <= from || tokens[comma].text !== ",") return null; // "the man who said …": where its content ends is unknown
  let first = walkNounPhrase(tokens, comma - 1, from);
  if (first === null) return null;
  // "Lovelace praised the firm, which …": the antecedent is the object, after the main verb.
  for (let k = comma - 1; k > first; k--) {
    const w = tokens[k - 1];
    if (!w.isCap && (FINITE_HINTS.has(w.lower) || (w.lower.length > 4 && w.lower.endsWith("ed")))) {
      first = k;
      break;
    }
  }
  return { first, last: comma - 1, appositive: null };
}

/** Inverted order, "said Henrik Aalto, chief economist …": a short NP right after the cue. */
export function findMentionAfter(tokens: Token[], cueLast: number, to: number): MentionRange | null {
  const start = cueLast + 1;
  if (start >= to) return null;
  const t0 = tokens[start];
  if (!(t0.isCap || /^(the|a|an|one|two|three|four|five)$/.test(t0.lower))) return null;
  let k = start;
  while (k + 1 < to && k - start < 8) {
    const n = tokens[k + 1];
    if (!n.isWord) break;
    if (n.lower === "of" && tokens[k + 2]?.isCap) {
      k += 2;
      continue;
    }
    if (
      CLAUSE_WORDS.has(n.lower) ||
      PREPOSITIONS.has(n.lower) ||
      /^(last|this|late|early|yesterday|today)$/.test(n.lower)
    )
      break;
    // A verb ends it: "said the talks failed" is content, not an inverted subject.
    if (!n.isCap && (FINITE_HINTS.has(n.lower) || (n.lower.length > 4 && n.lower.endsWith("ed")))) break;
    k++;
  }
  // Only an inverted subject if nothing clause-like follows ("said the krone's reaction was muted" is content).
  const after = tokens[k + 1];
  if (
    after?.isWord &&
    !PREPOSITIONS.has(after.lower) &&
    !/^(last|this|late|early|yesterday|today|who)$/.test(after.lower)
  )
    return null;
  let appositive: MentionRange["appositive"] = null;
  if (after?.text === ",") {
    let e = k + 2;
    while ((e < to && tokens[e].isWord) || (e < to && tokens[e].text === "’")) e++;
    if (e > k + 2) appositive = { first: k + 2, last: e - 1 };
  }
  return { first: start, last: k, appositive };
}

/** Subject of the main clause for participle cues ("The Finance Ministry welcomed …, saying …"). */
export function findClauseSubject(tokens: Token[], from: number, to: number): MentionRange | null {
  let k = from;
  while (
    k < to &&
    (tokens[k].isCap ||
      /^(the|of|'s)$/.test(tokens[k].lower) ||
      (tokens[k].isWord && k > from && !tokens[k].isCap && ORG_NOUNS.has(tokens[k].lower)))
  )
    k++;
  if (k === from || k - from > 8) return null;
  return { first: from, last: k - 1, appositive: null };
}
