/**
 * Noun-phrase chunks for source mentions, from part-of-speech tags: titles and names ("Lt. Col. Ana
 * Pruitt"), descriptors with their restrictive modifiers ("a person familiar with the talks", "officials
 * who visited the site", "Data from the bureau"), possessors ("the ministry's impact assessment").
 * What sits between commas or in parentheses after a name (appositives, ages, hometowns, party tags,
 * non-restrictive relatives) is not part of the mention; it is kept apart as the appositive, which
 * describes the source's role and why it is anonymous.
 */
import type { Analysis } from "../analysis";
import {
  INDEFINITES,
  insideNp,
  isParticiple,
  MAX_MENTION,
  NOMINAL,
  PP_HEADS,
  PREDETERMINERS,
  PRONOUN_QUANTITIES,
  QUANTITY_ADVERBS,
  QUANTITY_HEADS,
} from "./noun-phrase-words";

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
