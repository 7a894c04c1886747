/**
 * Whether a clause starts at a token: a subject (a noun phrase, a pronoun, a coordinated or listed
 * subject) followed by a finite verb group. Content rules ask it where a complement or a joined
 * clause begins.
 */
import type { Analysis } from "../analysis";
import { isQuoteMark } from "../nlp/token";
import { npRight } from "./noun-phrases";

/** A clause: some finite verb, or a subject followed by a verb. */
export function looksLikeClause(a: Analysis, first: number, last: number): boolean {
  let words = 0;
  for (let i = first; i <= last; i++) {
    const t = a.tokens[i];
    if (!t.isWord) continue;
    words++;
    if (t.pos === "AUX" || (t.pos === "VERB" && !/ing$/.test(t.lower))) return words >= 1 && last - first >= 1;
  }
  return false;
}

/** A clause starts at `k`: a subject (noun phrase or pronoun) followed by a finite verb. */
export function startsClause(a: Analysis, k: number, to: number): boolean {
  let np = npRight(a, k, to);
  if (!np) return false;
  // "he and other executives billed …": a coordinated subject.
  if (a.tokens[np.last + 1]?.lower === "and") np = npRight(a, np.last + 2, to) ?? np;
  let n = np.appositive ? np.appositive.last + 2 : np.last + 1;
  if (np.appositive && a.tokens[n - 1]?.text !== ",") n = np.last + 1;
  if (!np.appositive && a.tokens[n]?.text === ",") n = listEnd(a, n, to);
  // "the deal between SkyWay and Pacific Crest would raise fares": modifiers the chunker left out.
  for (let pp = 0; pp < 2 && a.tokens[n]?.pos === "ADP" && !/^(that|as|than|like)$/.test(a.tokens[n].lower); pp++) {
    let obj = npRight(a, n + 1, to);
    if (!obj) break;
    if (a.tokens[obj.last + 1]?.lower === "and") obj = npRight(a, obj.last + 2, to) ?? obj;
    n = obj.last + 1;
  }
  // "the US “strongly supports” the talks": a partial quote may open before the verb.
  if (a.opens[n] >= 0) n++;
  while (n < to && a.tokens[n].pos === "ADV") n++;
  const v = a.tokens[n];
  if (v && n < to && v.lower === "'s") return isContractedIs(a, np, n);
  if (v && n < to && (v.pos === "AUX" || (v.pos === "VERB" && !/ing$/.test(v.lower)))) return true;
  // "thousands of people marched in the capital": the chunker took the verb for a participle modifier.
  for (let m = np.first + 1; m <= np.last; m++)
    if (a.tokens[m].pos === "VERB" && /ed$/.test(a.tokens[m].lower) && a.tokens[m - 1].pos === "NOUN") return true;
  return false;
}

/**
 * "'s" after a subject is "is" or "has" ("he's leaving", "the plan's dead") unless a noun follows a
 * name or noun: ", and Biden's handling of them" coordinates a noun phrase, it starts no clause.
 */
function isContractedIs(a: Analysis, np: { first: number; last: number }, n: number): boolean {
  if (np.first === np.last && a.tokens[np.first].pos === "PRON") return true;
  const next = a.tokens[n + 1];
  return !next || !(next.pos === "NOUN" || next.pos === "PROPN" || (next.pos === "VERB" && /ing$/.test(next.lower)));
}

/**
 * After a subject's first item and its comma at `n`: the token after a list of noun phrases closed by
 * "and"/"or" ("prisons, the Highway Patrol and child protective services would …"); `n` when none.
 */
function listEnd(a: Analysis, n: number, to: number): number {
  const conj = (i: number) => /^(and|or)$/.test(a.tokens[i]?.lower ?? "");
  let m = n;
  for (let items = 0; items < 5 && a.tokens[m]?.text === ","; items++) {
    const closing = conj(m + 1);
    // ("revenue of $4.2 billion, and investors have pushed …": two items with a comma are two clauses.)
    if (closing && items === 0) return n;
    const item = npRight(a, m + (closing ? 2 : 1), to, false);
    if (!item) return n;
    m = item.last + 1;
    if (closing) return m;
    if (conj(m)) {
      const last = npRight(a, m + 1, to, false);
      return last ? last.last + 1 : n;
    }
  }
  return n;
}

export const isFiniteVerb = (a: Analysis, i: number) => {
  const t = a.tokens[i];
  const before = isQuoteMark(a.tokens[i - 1]) ? a.tokens[i - 2] : a.tokens[i - 1];
  return (t.pos === "AUX" || (t.pos === "VERB" && !/ing$/.test(t.lower))) && before?.lower !== "to";
};

/** Some finite verb among tokens [k, i), quoted or not. */
export function hasFiniteVerb(a: Analysis, k: number, i: number): boolean {
  for (let m = k; m < i; m++) if (isFiniteVerb(a, m)) return true;
  return false;
}

/** A finite verb group starts at `k` (adverbs aside): "has told", "ordered", "also warned". */
export function isFiniteAt(a: Analysis, k: number, to: number): boolean {
  let v = k;
  while (v < to && a.tokens[v].pos === "ADV" && v - k < 2) v++;
  const t = a.tokens[v];
  if (!t || v >= to) return false;
  if (t.pos === "AUX") return t.lower !== "to";
  return t.pos === "VERB" && t.lower !== t.lemma && !/ing$/.test(t.lower);
}
