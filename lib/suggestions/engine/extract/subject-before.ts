/**
 * The subject of a cue, read leftward from it: the noun phrase before the verb group, past inserts set off
 * by commas (appositives, ages, hometowns, party tags, non-restrictive relatives), with the name
 * between commas taken over a role before it ("the education minister, Lena Hartmann,"), a restrictive
 * relative clause kept inside ("officials who visited the site"), and the source of a relative clause
 * without its pronoun found after the noun it describes ("a move officials say will …").
 */
import type { Analysis } from "../analysis";
import { isParticiple } from "./noun-phrase-words";
import { type Mention, npLeft, npRight } from "./noun-phrases";

const INSERT_ADVERBS = new Set(["however", "meanwhile", "too", "though", "also", "instead", "moreover", "separately"]);

/** "officials who visited the site said": a restrictive relative clause inside the subject (no commas). */
function restrictiveRelative(a: Analysis, coreFirst: number, from: number): number {
  const { tokens } = a;
  for (let k = coreFirst - 1; k >= from && coreFirst - k <= 10; k--) {
    const t = tokens[k];
    if (!t.isWord) return -1;
    if (t.lower === "who" || t.lower === "that") {
      const noun = tokens[k - 1];
      if (!noun || k - 1 < from || !(noun.pos === "NOUN" || noun.pos === "PROPN")) return -1;
      // ("Economists who study the industry": after "who" the word is the verb, whatever the tagger says.)
      const verb =
        (t.lower === "who" && tokens[k + 1]?.isWord && tokens[k + 1].pos !== "PRON") ||
        tokens.slice(k + 1, coreFirst).some((x) => x.pos === "VERB" || x.pos === "AUX");
      if (!verb) return -1;
      const f = npLeft(a, k - 1, from);
      return f >= 0 ? f : -1;
    }
  }
  return -1;
}

/** Classifies the words between two commas before a cue: an insert to skip, a name, or neither. */
function segmentKind(a: Analysis, first: number, last: number): "insert" | "name" | "other" {
  const { tokens } = a;
  const g = a.lang.grammar;
  const t = tokens[first];
  if (last < first) return "other";
  if (g.relativePronouns.has(t.lower) && t.lower !== "that") return "insert";
  if (first === last && (t.pos === "NUM" || INSERT_ADVERBS.has(t.lower))) return "insert";
  if (a.lang.isPlaceAbbreviation(tokens, first, last)) return "insert";
  // A party-and-state tag between commas: ", D-N.Y.,", ", R-Texas,".
  if (/^(D|R|I|Ind|Dem|Rep)\s?[-–]\s?\p{Lu}[\p{L}. ]*$/u.test(a.text.slice(t.start, tokens[last].end))) return "insert";
  if ((t.lower === "of" || t.lower === "from") && tokens[first + 1]?.isCap) return "insert";
  if (t.pos === "ADP" || t.pos === "ADV") return "insert";
  if (isParticiple(t) && t.pos === "VERB") return "insert"; // "speaking on condition of anonymity"
  const words = tokens.slice(first, last + 1).filter((x) => x.isWord);
  if (words.length && words.every((x) => x.isCap || a.lang.isNameParticle(x.lower))) return "name";
  if (nameOfPlace(a, first, last) >= 0) return "name";
  // Any phrase without a finite verb of its own is a description set off by commas.
  // (A relative clause inside it may have one: "a former pilot who took command in 2025".)
  const words2 = tokens.slice(first, last + 1);
  const rel = words2.findIndex(
    (x, n) =>
      x.lower === "who" ||
      x.lower === "which" ||
      x.lower === "whose" ||
      (x.lower === "that" && words2[n - 1]?.pos === "NOUN"),
  );
  const finite = (rel < 0 ? words2 : words2.slice(0, rel)).some(
    (x) =>
      x.pos === "AUX" ||
      (x.pos === "VERB" &&
        !isParticiple(x) &&
        // "the bill's lead sponsor": a verb-looking word inside a noun phrase is no verb.
        !/^(to|'s|the|a|an)$/.test(a.tokens[x.i - 1]?.lower ?? "") &&
        a.tokens[x.i - 1]?.pos !== "ADJ"),
  );
  return finite ? "other" : "insert";
}

/**
 * "Rep. Carl Hoyt of Pennsylvania": a name of two words or more with the place it comes from; returns
 * the last token of the name, or -1. (Not "Democrat of Minnesota", a description.)
 */
function nameOfPlace(a: Analysis, first: number, last: number): number {
  const { tokens } = a;
  let names = 0;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (t.lower === "of") {
      const place = tokens.slice(i + 1, last + 1).filter((x) => x.isWord);
      const ok = names >= 2 && tokens[i - 1].pos === "PROPN" && place.length > 0 && place.every((x) => x.isCap);
      return ok ? i - 1 : -1;
    }
    if (t.isWord && !t.isCap) return -1;
    if (t.isWord) names++;
  }
  return -1;
}

/** The previous comma in [from, j], or -1 when a stronger boundary comes first. */
function previousComma(a: Analysis, j: number, from: number): number {
  for (let k = j; k >= from; k--) {
    const t = a.tokens[k];
    if (t.text === ",") return k;
    if (/^[;:—–]$/.test(t.text) || a.opens[k] >= 0 || a.closes[k] >= 0) return -1;
    // "…, and Senator Ray Whitcomb, the …, said": "and" before a new name starts the subject's clause
    // (not "who has pleaded not guilty and sat …" inside a relative clause).
    // ("Harrow & Lyle": an ampersand joins the words of one name.)
    if (t.pos === "CCONJ" && t.text !== "&" && (a.tokens[k + 1]?.isCap || a.tokens[k + 1]?.pos === "DET")) return -1;
  }
  return -1;
}

/** Skips a parenthesis group ending at `j` ("(D-Ore.)"); returns the index before "(" or `j`. */
function skipParens(a: Analysis, j: number, from: number): number {
  if (a.tokens[j]?.text !== ")") return j;
  for (let k = j - 1; k >= from && j - k <= 10; k--) if (a.tokens[k].text === "(") return k - 1;
  return j;
}

/** The subject of a cue whose group starts at `cueFirst`: the noun phrase right before it. */
export function subjectBefore(a: Analysis, cueFirst: number, from: number): Mention | null {
  const { tokens } = a;
  const g = a.lang.grammar;
  let j = skipParens(a, cueFirst - 1, from);
  // "Okafor on Tuesday said", "The bank Monday said": a time adjunct between subject and verb.
  // (Not when the time belongs to a participle: "A study published on Thursday found".)
  // ("Hartwell last night vowed": "last/this/next" + a time word is an adjunct even after a name.)
  const timeAdjunct =
    j >= from &&
    g.timeWords.has(tokens[j].lower) &&
    (npLeft(a, j, from) < 0 || /^(last|this|next|on)$/.test(tokens[j - 1]?.lower ?? ""));
  if (timeAdjunct) {
    const k = j - (tokens[j - 1] && /^(on|last|this|next)$/.test(tokens[j - 1].lower) ? 2 : 1);
    if (k >= from && !(isParticiple(tokens[k]) && tokens[k].pos === "VERB")) j = k;
  }
  let appositive: Mention["appositive"] = null;
  let wholeSegment = false;
  while (j >= from && tokens[j].text === ",") {
    const k = previousComma(a, j - 1, from);
    if (k < 0) {
      // "On Capitol Hill, Senator Kessel of Kansas, the top Republican, denounced …": an opening
      // adjunct holds no subject; the segment after it does.
      const held = appositive;
      if (held && tokens[from].pos === "ADP" && tokens[held.first].isCap && npRight(a, held.first, held.last + 1))
        return { first: held.first, last: held.last, appositive: null };
      // No comma before: the words up to the sentence (or dash) boundary hold the subject.
      j = skipParens(a, j - 1, from);
      wholeSegment = appositive === null;
      break;
    }
    if (k + 1 > j - 1) return null;
    const kind = segmentKind(a, k + 1, j - 1);
    if (kind === "name") {
      let role = k - 1 >= from ? npLeft(a, k - 1, from) : -1;
      // The role opens its clause ("The education minister, Lena Hartmann, said"), never an object
      // ending the content before ("…turned police into agents, Alvarez, a Democrat, wrote").
      const boundary = tokens[role - 1];
      if (role > from && boundary && boundary.isWord && boundary.pos !== "CCONJ" && boundary.pos !== "SCONJ") role = -1;
      const named = nameOfPlace(a, k + 1, j - 1);
      const last = named >= 0 ? named : j - 1;
      return { first: k + 1, last, appositive, ...(role >= 0 ? { lead: role } : {}) };
    }
    if (kind !== "insert") return null;
    appositive = { first: k + 1, last: j - 1 };
    j = k;
  }
  if (j < from) return null;
  let first = npLeft(a, j, from);
  // "Unverified figures circulated online suggested": a noun, its participle and an adverb.
  if (
    first < 0 &&
    j - 2 >= from &&
    isParticiple(tokens[j - 1]) &&
    tokens[j - 1].pos === "VERB" &&
    tokens[j - 2].pos === "NOUN"
  )
    first = npLeft(a, j - 2, from);
  if (first < 0) return null;
  // "…bracing for the law, said Moreno": a noun phrase inside the clause before a comma is no subject.
  if (wholeSegment && first > from && (tokens[first - 1].pos === "ADP" || tokens[first - 1].pos === "VERB"))
    return null;
  const head = tokens[j];
  if (head.pos === "PRON" && (head.lower === "who" || head.lower === "which")) {
    let e = j - 1;
    if (tokens[e]?.text === ",") e--;
    const af = e >= from ? npLeft(a, e, from) : -1;
    return { first: j, last: j, appositive, antecedent: af >= 0 ? { first: af, last: e } : null };
  }
  const rel = head.pos === "PRON" ? -1 : restrictiveRelative(a, first, from);
  if (rel < 0) {
    const gap = gappedRelativeSource(a, first, j, cueFirst);
    if (gap >= 0) return { first: gap, last: j, appositive };
  }
  return { first: rel >= 0 ? rel : first, last: titledNameEnd(a, first, j), appositive };
}

/**
 * "a move district officials say will save $4 million", "a project supporters call a lifeline": a
 * relative clause without its pronoun, where the cue's subject follows the noun the clause describes.
 * A speech verb right before a finite verb (or "call" before its epithet) shows the gap. Returns the
 * source's first token (after the described noun), or -1.
 */
function gappedRelativeSource(a: Analysis, first: number, last: number, cueFirst: number): number {
  const { tokens } = a;
  const verb = tokens[cueFirst];
  const next = tokens[cueFirst + 1];
  if (!verb || !next || !/^(a|an|the|this|that)$/.test(tokens[first].lower)) return -1;
  const lemma = verb.lemma;
  const gap =
    (next.pos === "AUX" &&
      /^(say|said|says|believe|believes|think|thinks|expect|expects|fear|fears)$/.test(verb.lower)) ||
    (lemma === "call" && /^(DET|ADJ)$/.test(next.pos));
  if (!gap) return -1;
  let h = first + 1;
  while (h < last && tokens[h].pos === "ADJ") h++;
  if (h >= last || tokens[h].pos !== "NOUN") return -1;
  for (let m = h + 1; m <= last; m++) if (!/^(NOUN|PROPN|ADJ)$/.test(tokens[m].pos)) return -1;
  return h + 1;
}

/**
 * "Judge Paula Marchetti of U.S. District Court", "Sen. Dana Whitfield of Oregon": a title and a name
 * with where the person serves or comes from; the mention is the title and name (guideline §3).
 * Returns the name's last token, or `last` when the phrase is no such name ("Secretary of State").
 */
export function titledNameEnd(a: Analysis, first: number, last: number): number {
  const { tokens } = a;
  if (!a.lang.isTitle(tokens[first].lower)) return last;
  let k = first + 1;
  if (tokens[k]?.text === ".") k++;
  let names = 0;
  while (k <= last && tokens[k].pos === "PROPN" && tokens[k].isCap && tokens[k].lower !== "of") {
    names++;
    k++;
  }
  const place = tokens[k + 1];
  return names > 0 && k < last && tokens[k].lower === "of" && (place?.isCap || place?.lower === "the") ? k - 1 : last;
}
