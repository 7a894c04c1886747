/**
 * How far a cue group reaches from its head verb: left over auxiliaries, modals, adverbs and negation
 * ("has consistently said", "will not say"), right over a manner adverb and a channel phrase ("said
 * in a statement", "wrote on X", "in an interview with CNN").
 */
import type { Analysis } from "../analysis";

const PAST_PARTICIPLE_RE = /(ed|en|wn|said|told|thought|found|made|written|shown|heard|felt|known|seen)$/;

/** Walks left over auxiliaries, adverbs and negation; returns the first token of the group. */
export function extendLeft(
  a: Analysis,
  head: number,
  from: number,
): { first: number; negated: boolean; passive: boolean } {
  const { tokens } = a;
  const g = a.lang.grammar;
  let j = head - 1;
  let negated = false;
  // "was quoted as saying", "has been heard as saying": the whole group is the cue, not a passive.
  if (j - 1 >= from && tokens[j].lower === "as" && /^(quoted|heard|recorded|filmed)$/.test(tokens[j - 1].lower)) j -= 2;
  // "is expected to announce", "is set to unveil": the raising frame joins the group.
  if (
    j - 1 >= from &&
    tokens[j].lower === "to" &&
    g.raising.has(tokens[j - 1].lower) &&
    j - 2 >= from &&
    g.be.has(tokens[j - 2].lower)
  )
    j -= 3;
  // "Investors appeared to doubt …", "Replays appear to show …": a raising verb joins the group.
  else if (j - 1 >= from && tokens[j].lower === "to" && /^(appear|seem)/.test(tokens[j - 1].lower)) j -= 2;
  while (j >= from) {
    const t = tokens[j];
    // "'s" is "has"/"is" only when tagged so: in "Moody's said" it is a possessive.
    const aux = g.auxiliaries.has(t.lower) && (t.isWord || t.pos === "AUX");
    if (aux || g.groupAdverbs.has(t.lower) || (t.pos === "ADV" && /ly$/.test(t.lower))) j--;
    else if (g.negations.has(t.lower) && t.lower !== "no" && t.lower !== "nor") {
      negated = true;
      j--;
    } else break;
  }
  const first = j + 1;
  // A be-form right before a past participle, with nothing between, is a passive.
  const before = tokens[head - 1];
  const passive =
    head - 1 >= first &&
    (g.be.has(before.lower) || (before.lower === "been" && head - 2 >= first)) &&
    PAST_PARTICIPLE_RE.test(tokens[head].lower);
  return { first, negated, passive };
}

/** How far a channel phrase after the verb reaches: "in a (brief) statement", "on Twitter", "at a news conference". */
function channelEnd(a: Analysis, k: number, to: number): number {
  const { tokens } = a;
  const g = a.lang.grammar;
  const prep = tokens[k]?.lower;
  const channels =
    prep === "in"
      ? g.channelNouns
      : prep === "on"
        ? g.onChannels
        : prep === "at" || prep === "during"
          ? g.atChannels
          : prep === "via" || prep === "through"
            ? g.channelNouns
            : null;
  if (!channels || k + 1 >= to) return -1;
  let m = k + 1;
  if (g.determiners.has(tokens[m].lower)) m++;
  // The last channel noun of the phrase: "in a brief statement", "at a news conference".
  let best = -1;
  for (let n = 0; n < 4 && m < to && (tokens[m].isWord || tokens[m].text === "-"); n++, m++) {
    if (channels.has(tokens[m].lower)) best = m;
    else if (best >= 0 || !(tokens[m].pos === "ADJ" || tokens[m].pos === "NOUN" || tokens[m].pos === "PROPN")) break;
  }
  if (best < 0) return -1;
  // "in an interview with CNN", "in a letter to shareholders": the venue goes with the channel.
  if (/^(with|to|for)$/.test(tokens[best + 1]?.lower ?? "") && tokens[best + 2]?.isCap) {
    let e = best + 2;
    while (e + 1 < to && (tokens[e + 1].isCap || tokens[e + 1].text === "'s")) e++;
    return e;
  }
  return best;
}

/** Extends right over a manner adverb and a channel phrase. */
export function extendRight(a: Analysis, last: number, to: number): number {
  const g = a.lang.grammar;
  let k = last;
  while (k + 1 < to && g.afterAdverbs.has(a.tokens[k + 1].lower)) k++;
  const c = channelEnd(a, k + 1, to);
  return c >= 0 ? c : k;
}
