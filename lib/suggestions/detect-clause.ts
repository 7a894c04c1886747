/**
 * Is a stretch of tokens a clause (a reported proposition) or just an adjunct or noun phrase ("on
 * Tuesday", "a call with analysts")? Bare complements after a cue ("said the engine works") and content
 * before it ("…, she said") must be clauses. A finite-verb word anywhere is enough; otherwise the
 * stretch must open with a subject followed by a present-tense or base verb: "the engine works",
 * "The club’s medical staff want to …", "they need …". Present-tense verbs are not in any closed list
 * and taggers often read "works" as a plural noun, so the test is positional: a word ending in -s
 * straight after a singular noun-like subject, or a common base-form verb after any noun-like subject.
 */
import { FINITE_HINTS } from "./cue-lexicon";
import type { Token } from "./tokenize-text";

const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it"]);
/** Words that may open or sit inside a subject noun phrase without being its noun. */
const NP_FUNCTION = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "its",
  "their",
  "his",
  "her",
  "our",
  "my",
  "your",
  "some",
  "many",
  "most",
  "all",
  "both",
  "several",
  "few",
  "no",
  "every",
  "each",
  "more",
  "other",
  "such",
]);
/** Words that end a subject: the stretch is not "subject + verb" if one comes before the verb. */
const NOT_IN_SUBJECT = new Set([
  "in",
  "on",
  "at",
  "with",
  "of",
  "from",
  "for",
  "by",
  "to",
  "about",
  "as",
  "and",
  "or",
  "but",
  "than",
  "after",
  "before",
  "during",
  "since",
  "until",
  "if",
  "when",
  "while",
  "because",
  "not",
  "very",
  "just",
]);
/** Common verbs in base form, which follow plural subjects ("officials want", "staff need"). */
const BASE_VERBS = new Set([
  "want",
  "need",
  "think",
  "believe",
  "expect",
  "plan",
  "hope",
  "fear",
  "know",
  "see",
  "feel",
  "remain",
  "continue",
  "support",
  "oppose",
  "face",
  "get",
  "go",
  "come",
  "take",
  "give",
  "keep",
  "play",
  "work",
  "win",
  "lose",
  "pay",
  "earn",
  "spend",
  "run",
  "stay",
  "stand",
  "seem",
  "appear",
  "look",
  "agree",
  "disagree",
  "refuse",
  "intend",
  "deserve",
  "lack",
  "include",
  "require",
  "risk",
  "suffer",
  "struggle",
  "exist",
  "matter",
  "mean",
  "show",
  "reflect",
  "depend",
  "belong",
  "understand",
  "accept",
  "reject",
  "deny",
  "like",
  "love",
  "hate",
  "prefer",
  "owe",
  "own",
  "hold",
  "use",
  "help",
  "try",
  "tend",
  "wish",
  "operate",
  "account",
  "represent",
  "contain",
  "involve",
  "affect",
  "threaten",
  "allow",
  "let",
  "live",
]);
const POSSESSIVE_RE = /['’]s?$/;
const DET_BEFORE_PARTICIPLE = new Set(["a", "an", "the", "its", "their", "his", "her", "this", "that", "our"]);

/** A verb form that can follow a subject: base verbs, their -s forms, and -s after a singular noun. */
function isPresentVerb(word: string, prev: Token): boolean {
  if (BASE_VERBS.has(word)) return true;
  if (!word.endsWith("s") || /(ss|us|is|ics|ness|ous)$/.test(word) || word.length < 3) return false;
  const stem = word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : word.endsWith("es") && BASE_VERBS.has(word.slice(0, -2))
      ? word.slice(0, -2)
      : word.slice(0, -1);
  if (BASE_VERBS.has(stem)) return true;
  // Generic -s verb: only right after a singular-looking noun ("the engine works", "Okonkwo plays").
  return prev.isCap || (!prev.lower.endsWith("s") && !POSSESSIVE_RE.test(prev.lower));
}

/** True when the stretch opens with a subject noun phrase (or pronoun) followed by a verb. */
export function startsWithSubjectVerb(tokens: Token[], first: number, last: number): boolean {
  const t0 = tokens[first];
  if (!t0?.isWord) return false;
  if (
    SUBJECT_PRONOUNS.has(t0.lower) &&
    first < last &&
    tokens[first + 1].isWord &&
    !tokens[first + 1].isCap &&
    !NOT_IN_SUBJECT.has(tokens[first + 1].lower)
  )
    return true;
  let nouns = 0;
  for (let i = first; i <= last && i - first < 9; i++) {
    const t = tokens[i];
    if (!t.isWord) {
      if ((t.text === "’" || t.text === "'") && t.start === tokens[i - 1]?.end) continue; // teachers’ union
      return false;
    }
    if (
      nouns > 0 &&
      !t.isCap &&
      (FINITE_HINTS.has(t.lower) || isFiniteEd(tokens, i) || isPresentVerb(t.lower, tokens[i - 1]))
    )
      return true;
    if (NOT_IN_SUBJECT.has(t.lower) && !t.isCap) return false;
    if (!NP_FUNCTION.has(t.lower) && !POSSESSIVE_RE.test(t.lower)) nouns++;
  }
  return false;
}

/** An -ed word used as a verb, not as an adjective after a determiner ("a staged release"). */
function isFiniteEd(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return (
    !t.isCap && t.lower.length > 4 && t.lower.endsWith("ed") && !DET_BEFORE_PARTICIPLE.has(tokens[i - 1]?.lower ?? "")
  );
}

/** True when the tokens look like a clause (some finite verb), not an adjunct such as "on Tuesday". */
export function looksLikeClause(tokens: Token[], first: number, last: number): boolean {
  let words = 0;
  let finite = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (!t.isWord) continue;
    words++;
    if (FINITE_HINTS.has(t.lower) || isFiniteEd(tokens, i)) finite = true;
  }
  return words >= 2 && (finite || startsWithSubjectVerb(tokens, first, last));
}
