/**
 * What may stand inside a noun phrase (source mentions), and the small word sets the chunker reads
 * them by: preposition heads of restrictive modifiers, quantities, predeterminers.
 */
import type { Analysis } from "../analysis";
import type { Token } from "../nlp/token";

export const MAX_MENTION = 18;
export const NOMINAL = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
export const PP_HEADS = new Set([
  "of",
  "at",
  "for",
  "with",
  "from",
  "in",
  "on",
  "to",
  "about",
  "inside",
  "within",
  "near",
  "by",
  "among",
  "across",
]);
/** Pronouns that may open a reported clause: "said nobody had told her". */
export const INDEFINITES = new Set(["nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody"]);
export const PREDETERMINERS = new Set([
  "all",
  "both",
  "half",
  "many",
  "some",
  "most",
  "none",
  "each",
  "one",
  "several",
]);

export const PRONOUN_QUANTITIES = new Set([
  "one",
  "some",
  "many",
  "most",
  "others",
  "several",
  "both",
  "all",
  "few",
  "two",
  "three",
]);
export const QUANTITY_HEADS = new Set([...PREDETERMINERS, "few", "several", "any", "much"]);
export const QUANTITY_ADVERBS = new Set([
  "nearly",
  "almost",
  "about",
  "roughly",
  "some",
  "around",
  "only",
  "just",
  "over",
]);
export const isParticiple = (t: Token) => (t.pos === "VERB" || t.pos === "ADJ") && /(ed|ing|en|wn)$/.test(t.lower);

/** Tokens that may stand inside a noun phrase (walking left, `right` is the token after `t`). */
export function insideNp(a: Analysis, t: Token, right: Token | undefined): boolean {
  if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADJ" || t.pos === "NUM") return true;
  if (t.text === "%" && right?.lower === "of") return true;
  if (t.lower === "per" && right?.lower === "cent") return true; // "71 per cent of voters"
  // "ride-hailing", "co-founder": a word glued to a hyphen belongs with its neighbour.
  const before = a.tokens[t.i - 1];
  if ((before?.text === "-" && before.end === t.start) || (right?.text === "-" && right.start === t.end)) return true;
  if (/^[$£€¥]$/.test(t.text) && right?.pos === "NUM") return true; // "$180 million"
  if (t.pos === "PART" && (t.lower === "'s" || t.lower === "'")) return true;
  if (t.pos === "PRON" && a.lang.grammar.possessives.has(t.lower)) return true;
  if (t.text === "-" || t.text === "&" || t.text === "/") return !!right && right.start === t.end;
  if ((t.text === "'" || t.text === "’") && right && /s$/.test(a.tokens[t.i - 1]?.lower ?? "")) return true;
  if (t.text === "." && t.i > 0 && a.tokens[t.i - 1].end === t.start && a.tokens[t.i - 1].isCap) return true;
  // "the retired general", "striking workers": a participle before a noun.
  if (isParticiple(t) && right && (right.pos === "NOUN" || right.pos === "PROPN" || right.pos === "ADJ")) {
    // Only inside a phrase that has begun: "the retired general", not "Critics rejected Babbage".
    const left = a.tokens[t.i - 1];
    if (
      left &&
      (left.pos === "DET" ||
        left.pos === "ADJ" ||
        left.pos === "NUM" ||
        left.pos === "ADP" ||
        a.lang.grammar.possessives.has(left.lower))
    )
      return true;
  }
  if (!t.isCap || t.pos === "ADP" || t.pos === "CCONJ" || t.pos === "SCONJ") return false;
  // "said Jarred Kowalczyk": a capitalised word next to a name is part of it, whatever the tagger says.
  const left = a.tokens[t.i - 1];
  // (Not a capitalised adverb or pronoun opening the sentence: "Just 29% support it".)
  return (
    (t.pos !== "VERB" && t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PRON") ||
    right?.pos === "PROPN" ||
    (left?.pos === "PROPN" && left.end + 1 >= t.start)
  );
}
