/**
 * Finds attribution cues in one sentence: reporting-verb groups (with their auxiliaries, adverbs and a
 * directly attached channel phrase, "has consistently stressed", "said in a statement") and the
 * preposition "according to". Cues inside quotation marks are the quoted speaker's words, not ours.
 */
import {
  ADV_AFTER,
  AUX_BEFORE,
  BE_FORMS,
  CHANNEL_NOUNS,
  CUE_VERBS,
  type CueVerb,
  FINITE_HINTS,
  MAKE_FORMS,
  NEGATIONS,
  POINT_FORMS,
  PUT_FORMS,
} from "./cue-lexicon";
import { PERSON_NOUNS } from "./source-lexicon";
import type { Token } from "./tokenize-text";

export interface Cue {
  kind: "verb" | "according" | "noun";
  verb: CueVerb | null;
  /** Token range of the whole cue group, inclusive. */
  first: number;
  last: number;
  /** Token index of the reporting verb itself. */
  verbIndex: number;
  /** "saying …", "adding …": a participle hanging off another clause. */
  participle: boolean;
}

const ON_CHANNELS = new Set([
  "call",
  "calls",
  "podcast",
  "show",
  "programme",
  "program",
  "broadcast",
  "television",
  "radio",
  "website",
  "blog",
  "air",
  "twitter",
  "facebook",
  "instagram",
  "telegram",
  "linkedin",
  "panel",
]);
const AT_CHANNELS = new Set([
  "conference",
  "briefing",
  "hearing",
  "rally",
  "summit",
  "meeting",
  "session",
  "forum",
  "event",
  "launch",
  "ceremony",
  "debate",
  "interview",
  "speech",
  "call",
  "trial",
]);
const DETERMINERS = new Set(["a", "an", "the", "his", "her", "their", "its", "one", "two"]);
const NOT_ADVERBS = new Set([
  "only",
  "family",
  "italy",
  "july",
  "early",
  "daily",
  "weekly",
  "ally",
  "rally",
  "supply",
  "reply",
  "likely",
  "lonely",
  "friendly",
  "assembly",
]);

function isAdverb(t: Token): boolean {
  return t.isWord && !t.isCap && t.lower.length > 4 && t.lower.endsWith("ly") && !NOT_ADVERBS.has(t.lower);
}

/** Extends the verb group to the left over auxiliaries and adverbs; null when negated or passive. */
function extendLeft(tokens: Token[], verbIndex: number, from: number): number | null {
  let j = verbIndex - 1;
  while (j >= from && (AUX_BEFORE.has(tokens[j].lower) || isAdverb(tokens[j]))) j--;
  if (j >= from && NEGATIONS.has(tokens[j].lower)) return null;
  if (j + 1 < verbIndex && NEGATIONS.has(tokens[j + 1].lower)) return null;
  // "is believed to", "was reported": passive, the source is not in the sentence.
  if (j >= from && BE_FORMS.has(tokens[j].lower) && j + 1 === verbIndex) return null;
  return j + 1;
}

/** "was quoted as saying", "has been quoted as saying": the whole group is the cue (not a passive). */
function extendQuotedAs(tokens: Token[], verbIndex: number, from: number): number | null {
  if (
    tokens[verbIndex - 1]?.lower !== "as" ||
    !/^(quoted|heard|recorded|filmed|reported)$/.test(tokens[verbIndex - 2]?.lower ?? "")
  )
    return null;
  let j = verbIndex - 3;
  while (j >= from && (BE_FORMS.has(tokens[j].lower) || AUX_BEFORE.has(tokens[j].lower) || isAdverb(tokens[j]))) j--;
  return j + 1 <= verbIndex - 3 ? j + 1 : null;
}

/** "than the market had expected", "as expected": a comparison, not a report of what someone said. */
function isComparison(tokens: Token[], i: number, from: number): boolean {
  if (tokens[i - 1]?.lower === "as" && !tokens[i - 2]?.isWord) return true;
  for (let j = i - 1; j >= Math.max(from, i - 5); j--) {
    if (tokens[j].lower === "than") return true;
    if (!tokens[j].isWord) return false;
  }
  return false;
}

/** Extends to the right over manner adverbs and "in a (brief) statement", "on a call" channel phrases. */
function extendRight(tokens: Token[], last: number, to: number): number {
  let k = last;
  while (k + 1 < to && ADV_AFTER.has(tokens[k + 1].lower)) k++;
  const prep = tokens[k + 1]?.lower ?? "";
  // "in" takes any channel noun ("in a statement"); "on/at/during" only the ones that go with them
  // ("on a call", "at a news conference"), so "insists on a staged release" stays a verb and its object.
  const channels =
    prep === "in"
      ? CHANNEL_NOUNS
      : prep === "on"
        ? ON_CHANNELS
        : prep === "at" || prep === "during"
          ? AT_CHANNELS
          : null;
  if (k + 2 < to && channels) {
    let m = k + 2;
    if (DETERMINERS.has(tokens[m].lower)) m++;
    for (let n = 0; n < 3 && m < to && tokens[m].isWord; n++, m++) {
      if (channels.has(tokens[m].lower)) return m;
    }
  }
  return k;
}

export function findCues(tokens: Token[], from: number, to: number, isQuoted: (offset: number) => boolean): Cue[] {
  const cues: Cue[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t.isWord || isQuoted(t.start)) continue;
    const next = tokens[i + 1];
    if (t.lower === "according" && next?.lower === "to" && i + 1 < to) {
      cues.push({ kind: "according", verb: null, first: i, last: i + 1, verbIndex: i, participle: false });
      i++;
      continue;
    }
    let verb: CueVerb | undefined = CUE_VERBS.get(t.lower);
    let last = i;
    if (!verb && MAKE_FORMS.has(t.lower)) {
      // "made it clear (that)", "make clear"
      if (next?.lower === "it" && tokens[i + 2]?.lower === "clear") last = i + 2;
      else if (next?.lower === "clear") last = i + 1;
      else continue;
      verb = { lemma: "make clear", recipient: false, needsThatOrQuote: false };
    } else if (!verb && PUT_FORMS.has(t.lower) && next?.lower === "it") {
      // "put it plainly: “…”" — the quote requirement keeps "put it on the table" out.
      verb = { lemma: "put it", recipient: false, needsThatOrQuote: true };
      last = i + 1;
      while (
        last + 1 < to &&
        /^(plainly|bluntly|simply|succinctly|another|this|way|more|differently|like)$/.test(tokens[last + 1].lower)
      )
        last++;
    } else if (!verb && POINT_FORMS.has(t.lower) && next?.lower === "out") {
      verb = { lemma: "point out", recipient: false, needsThatOrQuote: true };
      last = i + 1;
    }
    if (!verb) continue;
    const prev = tokens[i - 1];
    // Capitalised mid-sentence ("the United States") is a name, not a verb.
    if (t.isCap && i > from && tokens[i - 1].isWord) continue;
    // "similar reports are just …", "the claims were": a plural noun followed by its verb.
    if (t.lower.endsWith("s") && next && FINITE_HINTS.has(next.lower)) continue;
    if (t.lower === "told" && prev?.lower === "all") continue; // "All told, …"
    // "informed sources", "briefed officials": an adjective before a noun, not a verb.
    if ((t.lower === "informed" || t.lower === "briefed") && next && PERSON_NOUNS.has(next.lower)) continue;
    if (prev && (prev.lower === "the" || prev.lower === "a" || prev.lower === "an")) continue; // "the reported figure"
    // "his claim that …", "Babbage's warning": a possessor makes the cue word a noun (see find-noun-cues).
    if (prev && (/^(his|her|their|its|our|my|your)$/.test(prev.lower) || (prev.isCap && /['’]s$/.test(prev.text))))
      continue;
    if (t.lower === "written" && !(prev && (prev.lower === "has" || prev.lower === "have" || prev.lower === "had")))
      continue;
    if (isComparison(tokens, i, from)) continue;
    const first = extendQuotedAs(tokens, i, from) ?? extendLeft(tokens, i, from);
    if (first === null) continue;
    last = extendRight(tokens, last, to);
    const participle = t.lower.endsWith("ing") && first === i && prev?.text === ",";
    cues.push({ kind: "verb", verb, first, last, verbIndex: i, participle });
    i = last;
  }
  return cues;
}
