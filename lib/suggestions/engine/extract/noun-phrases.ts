/**
 * Noun-phrase chunks for source mentions, from part-of-speech tags: titles and names ("Lt. Col. Ana
 * Pruitt"), descriptors with their restrictive modifiers ("a person familiar with the talks", "officials
 * who visited the site", "Data from the bureau"), possessors ("the ministry's impact assessment").
 * What sits between commas or in parentheses after a name (appositives, ages, hometowns, party tags,
 * non-restrictive relatives) is not part of the mention; it is kept apart as the appositive, which
 * describes the source's role and why it is anonymous.
 */
import type { Analysis } from "../analysis";
import type { Token } from "../nlp/token";

export interface Mention {
  first: number;
  last: number;
  /** A skipped insert after the name ("director of the budget institute"), for role and anonymity. */
  appositive: { first: number; last: number } | null;
  /** "who"/"which" as the subject: the antecedent noun phrase it stands for. */
  antecedent?: { first: number; last: number } | null;
  /** First token of the whole subject chunk when a role stands before the name ("the Fed chair, Margaret Olsen,"). */
  lead?: number;
}

const MAX_MENTION = 18;
const NOMINAL = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
const PP_HEADS = new Set([
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
const INSERT_ADVERBS = new Set(["however", "meanwhile", "too", "though", "also", "instead", "moreover", "separately"]);
/** Pronouns that may open a reported clause: "said nobody had told her". */
const INDEFINITES = new Set(["nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody"]);
const PREDETERMINERS = new Set(["all", "both", "half", "many", "some", "most", "none", "each", "one", "several"]);

const PRONOUN_QUANTITIES = new Set([
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
const QUANTITY_HEADS = new Set([...PREDETERMINERS, "few", "several", "any", "much"]);
const QUANTITY_ADVERBS = new Set(["nearly", "almost", "about", "roughly", "some", "around", "only", "just", "over"]);
const isParticiple = (t: Token) => (t.pos === "VERB" || t.pos === "ADJ") && /(ed|ing|en|wn)$/.test(t.lower);

/** Tokens that may stand inside a noun phrase (walking left, `right` is the token after `t`). */
function insideNp(a: Analysis, t: Token, right: Token | undefined): boolean {
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

/** Walks a noun phrase left from its head `j`; returns its first token, or -1 when `j` heads none. */
export function npLeft(a: Analysis, j: number, from: number, modifiers = true): number {
  const maxPp = modifiers ? 3 : 0;
  const { tokens } = a;
  const g = a.lang.grammar;
  const head = tokens[j];
  if (!head || j < from) return -1;
  // "a pal of Gallo's told us": the phrase ends in a possessive.
  if (
    (head.lower === "'s" || head.lower === "'") &&
    j - 1 >= from &&
    (tokens[j - 1].pos === "PROPN" || tokens[j - 1].pos === "NOUN")
  ) {
    const f = npLeft(a, j - 1, from);
    return f;
  }
  // "one of them said": an object pronoun heads a partitive.
  const partitivePronoun = /^(them|us|those|these)$/.test(head.lower) && tokens[j - 1]?.lower === "of";
  if (head.pos === "PRON" && !partitivePronoun)
    return g.subjectPronouns.has(head.lower) || head.lower === "which" ? j : -1;
  // "The Red Cross" with "Cross" read as a verb; "the 29-year-old" ending in an adjective.
  const nameEnd = head.isCap && tokens[j - 1]?.pos === "PROPN" && tokens[j - 1].end + 1 >= head.start;
  const ageEpithet = head.lower === "old" && tokens[j - 1]?.text === "-" && tokens[j - 2]?.lower === "year";
  // "“Eli's our guy,” Pierce said": a capitalised word opening the clause before a cue is a name.
  const clauseStartName =
    head.isCap && head.pos === "VERB" && (j === from || !tokens[j - 1].isWord || tokens[j - 1].pos === "PROPN");
  // "the team's thinking", "the committee's ruling": a gerund after a possessive or determiner.
  const gerund =
    head.pos === "VERB" && /ing$/.test(head.lower) && (tokens[j - 1]?.lower === "'s" || tokens[j - 1]?.pos === "DET");
  // "one cautioned", "Most said", "Others warned": a quantity standing for people.
  // ("Almost all opposed", "Nearly half said": with a quantity adverb before it.)
  const quantityLeft = QUANTITY_ADVERBS.has(tokens[j - 1]?.lower ?? "") && j - 1 >= from ? j - 1 : j;
  const quantity =
    PRONOUN_QUANTITIES.has(head.lower) &&
    (quantityLeft === from ||
      !tokens[quantityLeft - 1].isWord ||
      tokens[quantityLeft - 1].pos === "CCONJ" ||
      tokens[quantityLeft - 1].pos === "SCONJ");
  const percent = head.text === "%" && tokens[j - 1]?.pos === "NUM";
  if (
    !(
      NOMINAL.has(head.pos) ||
      percent ||
      (head.isCap && head.pos !== "VERB" && head.pos !== "AUX") ||
      nameEnd ||
      ageEpithet ||
      clauseStartName ||
      gerund ||
      quantity
    )
  )
    return -1;
  if (quantity) return quantityLeft;
  let k = j;
  let pps = 0;
  while (k - 1 >= from && j - k < MAX_MENTION) {
    const t = tokens[k - 1];
    if ((g.determiners.has(t.lower) || (PREDETERMINERS.has(t.lower) && t.pos === "DET")) && t.pos !== "PRON") {
      // "found that 57 percent of voters": after a verb, "that" is the complementizer.
      if ((t.lower === "that" || t.lower === "this") && (tokens[k - 2]?.pos === "VERB" || /s$/.test(tokens[k].lower)))
        break;
      k--;
      if (k - 1 >= from && PREDETERMINERS.has(tokens[k - 1].lower)) k--; // "all the", "both the"
      // "director of the budget institute": the phrase goes on left of its preposition.
      const p = tokens[k - 1];
      const l = tokens[k - 2];
      if (
        p &&
        l &&
        k - 2 >= from &&
        pps < maxPp &&
        PP_HEADS.has(p.lower) &&
        (l.pos === "NOUN" ||
          l.pos === "PROPN" ||
          g.postmodifiers.has(l.lower) ||
          isParticiple(l) ||
          // "one of the aides", "some of the officials": a partitive before the determiner.
          (p.lower === "of" && (l.pos === "NUM" || l.text === "%" || PREDETERMINERS.has(l.lower))))
      ) {
        pps++;
        k--;
        continue;
      }
      break;
    }
    if (insideNp(a, t, tokens[k])) {
      k--;
      continue;
    }
    // "Lead author Mira Castell" opening a sentence: a capitalised word the tagger read as a verb.
    if (k - 1 === from && t.isCap && t.pos === "VERB" && tokens[k].pos === "NOUN") {
      k--;
      continue;
    }
    // A restrictive modifier: "officials at the ministry", "a person familiar with", "people briefed on".
    const left = tokens[k - 2];
    if (PP_HEADS.has(t.lower) && left && k - 2 >= from && pps < maxPp) {
      // "one of the aides", "61% of voters", "some of the officials": a partitive.
      // "three in five people", "one in four voters": a proportion.
      const partitive =
        (t.lower === "of" && (left.pos === "NUM" || left.text === "%" || PREDETERMINERS.has(left.lower))) ||
        (t.lower === "in" && left.pos === "NUM" && tokens[k]?.pos === "NUM");
      if (
        partitive ||
        left.pos === "NOUN" ||
        left.pos === "PROPN" ||
        g.postmodifiers.has(left.lower) ||
        isParticiple(left)
      ) {
        pps++;
        k--;
        continue;
      }
    }
    // "Figures released on Tuesday by …", "documents obtained by …": a participle after its noun.
    const right = tokens[k];
    if (
      modifiers &&
      isParticiple(t) &&
      t.pos === "VERB" &&
      left &&
      k - 2 >= from &&
      (left.pos === "NOUN" || left.pos === "PROPN") &&
      (right.pos === "ADP" || right.pos === "ADV" || right.lower === "online" || g.timeWords.has(right.lower))
    ) {
      k--;
      continue;
    }
    // "Smith and Jones", "Democrats and Republicans".
    if (
      (t.lower === "and" || t.lower === "&") &&
      left &&
      (left.pos === "PROPN" || left.pos === "NOUN") &&
      k - 2 >= from
    ) {
      k--;
      continue;
    }
    break;
  }
  // "Tuesday", "percent": heads that never name a source, unless a noun stands before them
  // ("A study published on Thursday").
  const timeHead = g.timeWords.has(head.lower) || g.months.has(head.lower) || head.pos === "NUM";
  if (
    timeHead &&
    !tokens
      .slice(k, j)
      .some((x) => (x.pos === "NOUN" || x.pos === "PROPN") && !g.timeWords.has(x.lower) && !g.months.has(x.lower))
  )
    return -1;
  // "nearly half", "more than 40 economists", "at least two officials": a quantity's modifier.
  // ("only"/"just" focus the phrase from outside it: "Just 29% support it" names "29%".)
  while (k - 1 >= from && QUANTITY_ADVERBS.has(tokens[k - 1].lower) && !/^(only|just)$/.test(tokens[k - 1].lower)) k--;
  if (k - 2 >= from && tokens[k - 1].lower === "than" && /^(more|fewer|less)$/.test(tokens[k - 2].lower)) k -= 2;
  if (k - 2 >= from && tokens[k - 1].lower === "least" && tokens[k - 2].lower === "at") k -= 2;
  return k;
}

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

/** A noun phrase reading right from `k`: the inverted subject ("said Ms. Lee"), an agent, "according to X". */
export function npRight(a: Analysis, k: number, to: number, withModifiers = true): Mention | null {
  const { tokens } = a;
  const g = a.lang.grammar;
  if (k >= to) return null;
  let e = k;
  if (tokens[e].pos === "PRON" && !g.possessives.has(tokens[e].lower)) {
    const pronoun =
      g.subjectPronouns.has(tokens[e].lower) || tokens[e].lower === "there" || INDEFINITES.has(tokens[e].lower);
    return pronoun ? { first: e, last: e, appositive: null } : null;
  }
  // "more than 30,000 people", "at least two officials", "nearly half".
  if (/^(more|fewer|less)$/.test(tokens[e].lower) && tokens[e + 1]?.lower === "than") e += 2;
  else if (tokens[e].lower === "at" && tokens[e + 1]?.lower === "least") e += 2;
  while (e < to && QUANTITY_ADVERBS.has(tokens[e].lower) && tokens[e + 1]?.isWord && tokens[e + 1].lower !== "of") e++;
  // ("no one in the administration": "one" after "no" is the head, not a quantity before it.)
  const headOne = (i: number) => tokens[i].lower === "one" && tokens[i - 1]?.lower === "no";
  let last = -1;
  let pps = 0;
  // "many of her members", "most of the homes", "none of them": the quantity heads its "of" phrase.
  if (QUANTITY_HEADS.has(tokens[e]?.lower ?? "") && tokens[e + 1]?.lower === "of" && e + 2 < to) last = e++;
  else
    while (e < to && ((PREDETERMINERS.has(tokens[e].lower) && !headOne(e)) || g.determiners.has(tokens[e].lower))) e++;
  while (e < to && e - k < MAX_MENTION) {
    const t = tokens[e];
    if (insideNp(a, t, tokens[e + 1]) || (t.text === "." && t.start === tokens[e - 1]?.end)) {
      // ("a brief filed by the project": an adjective after a determiner, heading a modifier, is a noun.)
      const nominalAdjective =
        t.pos === "ADJ" &&
        g.determiners.has(tokens[e - 1]?.lower ?? "") &&
        !!tokens[e + 1] &&
        (isParticiple(tokens[e + 1]) || tokens[e + 1].lower === "by");
      if (NOMINAL.has(t.pos) || t.isCap || nominalAdjective) last = e;
      e++;
      continue;
    }
    // "a police statement read to the court", "a memo seen by the site": a participle after the noun.
    if (
      withModifiers &&
      last >= 0 &&
      tokens[last].pos === "NOUN" &&
      e === last + 1 &&
      (isParticiple(t) || /^(read|seen|held|made|sent|given|shown|known|put|set)$/.test(t.lower)) &&
      (tokens[e + 1]?.pos === "ADP" || g.timeWords.has(tokens[e + 1]?.lower ?? ""))
    ) {
      e++;
      continue;
    }
    if (
      withModifiers &&
      last >= 0 &&
      pps < 3 &&
      (PP_HEADS.has(t.lower) || g.postmodifiers.has(t.lower)) &&
      (tokens[last].pos === "NOUN" ||
        ((tokens[last].pos === "NUM" || QUANTITY_HEADS.has(tokens[last].lower)) && t.lower === "of"))
    ) {
      pps++;
      e++;
      if (g.postmodifiers.has(t.lower) && PP_HEADS.has(tokens[e]?.lower ?? "")) e++;
      while (e < to && g.determiners.has(tokens[e].lower)) e++;
      continue;
    }
    break;
  }
  if (last < 0) return null;
  let appositive: Mention["appositive"] = null;
  let n = last + 1;
  if (tokens[n]?.text === "(") while (n < to && tokens[n].text !== ")") n++;
  if (tokens[n]?.text === ")") n++;
  if (tokens[n]?.text === ",") {
    // "said Maria Lopez, the union leader": an appositive is a noun phrase or a relative clause,
    // never the clause that follows "According to the ministry, …".
    let f = n + 1;
    let finite = false;
    while (f < to && tokens[f].text !== "," && tokens[f].text !== "." && a.closes[f] < 0) {
      if (tokens[f].pos === "AUX" || (tokens[f].pos === "VERB" && !isParticiple(tokens[f]))) finite = true;
      f++;
    }
    const relative = /^(who|which|whose)$/.test(tokens[n + 1]?.lower ?? "");
    if (f > n + 1 && (relative || !finite)) appositive = { first: n + 1, last: f - 1 };
  }
  return { first: k, last, appositive };
}
