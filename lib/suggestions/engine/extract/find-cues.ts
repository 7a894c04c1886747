/**
 * Cue groups in one sentence: a lexicon verb (or "according to") with its auxiliaries, modals,
 * negation and adverbs ("has consistently said", "will not say", "is expected to announce"), a
 * particle ("pointed out", "called for"), and a channel phrase right after it ("said in a statement",
 * "wrote on X"), which belongs with how it was said rather than with what. Cues inside quotation
 * marks are the quoted speaker's words and are left alone. Passives without a "by" agent name no
 * source ("is said to be furious") and are skipped.
 */
import type { Analysis, Sentence } from "../analysis";
import { ADJECTIVE_CUES, type CueEntry, IRREGULAR_FORMS, LINKING_VERBS, NOUN_FORMS } from "../languages/en/cue-lexicon";
import { infinitiveVerb, type Token } from "../nlp/token";

export interface Cue {
  kind: "verb" | "according" | "citing";
  entries: CueEntry[];
  lemma: string;
  /** Token range of the cue group, inclusive. */
  first: number;
  last: number;
  /** The head verb's token. */
  head: number;
  /** End of the verb group proper, before any channel phrase: where recipients and content begin. */
  groupLast: number;
  /** "…, saying …": a participle hanging off the main clause. */
  participle: boolean;
  /** "was criticized by unions": the agent follows "by". */
  passiveBy: boolean;
  /** "is expected to announce": no subject of its own may be missing. */
  negated: boolean;
}

const PAST_PARTICIPLE_RE = /(ed|en|wn|said|told|thought|found|made|written|shown|heard|felt|known|seen)$/;

/** Lexicon entries for the verb at `i`, with the particle words it takes: "call for", "point out", "make (it) clear". */
function lookupVerb(a: Analysis, i: number, to: number): { entries: CueEntry[]; lemma: string; last: number } | null {
  const { tokens } = a;
  const t = tokens[i];
  const cues = a.lang.cues;
  const lemma = IRREGULAR_FORMS[t.lower] ?? (t.lemma || t.lower);
  const next = i + 1 < to ? tokens[i + 1] : undefined;
  if (next && i + 2 < to) {
    const three = cues.get(`${lemma} ${next.lower} ${tokens[i + 2].lower}`);
    if (three) return { entries: three, lemma: `${lemma} ${next.lower} ${tokens[i + 2].lower}`, last: i + 2 };
  }
  if (next) {
    const two = cues.get(`${lemma} ${next.lower}`);
    if (two) return { entries: two, lemma: `${lemma} ${next.lower}`, last: i + 1 };
    // "lobbied hard against", "argued internally for": a manner adverb before the particle.
    const after = i + 2 < to ? tokens[i + 2] : undefined;
    const manner = next.pos === "ADV" || next.lower === "hard";
    const split = after && manner && cues.get(`${lemma} ${after.lower}`);
    // (Not a duration: "has pushed unsuccessfully for three years".)
    const duration = tokens[i + 3]?.pos === "NUM" || a.lang.grammar.timeWords.has(tokens[i + 3]?.lower ?? "");
    if (split && after.pos === "ADP" && !duration)
      return { entries: split, lemma: `${lemma} ${after.lower}`, last: i + 2 };
    if (next.lower === "it" && i + 2 < to) {
      const three = cues.get(`${lemma} ${tokens[i + 2].lower}`);
      if (three && tokens[i + 2].lower === "clear") return { entries: three, lemma: `${lemma} clear`, last: i + 2 };
    }
  }
  const one =
    cues.get(lemma) ?? cues.get(t.lower) ?? cues.get(IRREGULAR_FORMS[t.lower] ?? "") ?? stemLookup(cues, t.lower);
  if (!one) return null;
  // Lemmas that only work with a particle ("point out", "go on") are stored with it.
  const plain = one.filter((e) => !e.lemma.includes(" "));
  return plain.length ? { entries: plain, lemma, last: i } : null;
}

const isVerbLike = (t: Token) => t.pos === "VERB" || t.pos === "AUX";

/** "warning" tagged as a noun: the lexicon entry of its verb stem (warn, argue, plan). */
function stemLookup(cues: Map<string, CueEntry[]>, lower: string): CueEntry[] | undefined {
  const m = /^(.+?)(ing|ed|s)$/.exec(lower);
  if (!m) return undefined;
  const stem = m[1];
  return (
    cues.get(stem) ??
    cues.get(`${stem}e`) ??
    (/(.)\1$/.test(stem) ? cues.get(stem.slice(0, -1)) : undefined) ??
    (stem.endsWith("i") ? cues.get(`${stem.slice(0, -1)}y`) : undefined)
  );
}

/** A word that is a cue verb in a finite or participle form ("and believes", ", warning"). */
export function isCueVerbForm(cues: Map<string, CueEntry[]>, t: Token): boolean {
  if (!t.isWord || t.isCap) return false;
  const entries = cues.get(t.lemma) ?? stemLookup(cues, t.lower);
  // (A participle the tagger read as a noun keeps its -ing lemma: ", ruling that …".)
  return !!entries && (t.pos === "VERB" || /ing$/.test(t.lower)) && (t.lower !== t.lemma || /ing$/.test(t.lower));
}
/** Forms the tagger sometimes calls nouns or adjectives that are always verbs in news prose. */
const ALWAYS_VERBS = new Set(["said", "says", "told", "tells", "added", "wrote", "argued", "insisted", "warned"]);

/** Walks left over auxiliaries, adverbs and negation; returns the first token of the group. */
function extendLeft(a: Analysis, head: number, from: number): { first: number; negated: boolean; passive: boolean } {
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
function extendRight(a: Analysis, last: number, to: number): number {
  const g = a.lang.grammar;
  let k = last;
  while (k + 1 < to && g.afterAdverbs.has(a.tokens[k + 1].lower)) k++;
  const c = channelEnd(a, k + 1, to);
  return c >= 0 ? c : k;
}

export function findCues(a: Analysis, s: Sentence): Cue[] {
  const { tokens, quoteOf } = a;
  const g = a.lang.grammar;
  const cues: Cue[] = [];
  const titleCase = isTitleCase(a, s);
  for (let i = s.first; i < s.to; i++) {
    const t = tokens[i];
    if (!t.isWord || quoteOf[i] >= 0) continue;
    const prev = i > s.first ? tokens[i - 1] : undefined;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to" && i + 1 < s.to) {
      cues.push(simpleCue("according", i, i + 1));
      i++;
      continue;
    }
    // "…, per a tally by the National Conference of State Legislatures": the same cue (guideline §10).
    if (t.lower === "per" && prev?.text === "," && a.lang.grammar.determiners.has(tokens[i + 1]?.lower ?? "")) {
      cues.push(simpleCue("according", i, i));
      continue;
    }
    if ((t.lower === "citing" || t.lower === "quoting") && prev?.text === ",") {
      cues.push(simpleCue("citing", i, i));
      continue;
    }
    const adjective = adjectiveCue(a, i, s);
    if (adjective) {
      cues.push(adjective);
      i = adjective.last;
      continue;
    }
    const participleNoun = /ing$/.test(t.lower) && prev?.text === "," && t.pos === "NOUN";
    // "small businesses plan to hire", "critics fear that": a verb the tagger read as a noun.
    const nounVerb =
      t.pos === "NOUN" &&
      !!prev &&
      (prev.pos === "NOUN" || prev.pos === "PRON" || prev.pos === "PROPN") &&
      /s$/.test(prev.lower) &&
      (tokens[i + 1]?.lower === "that" || infinitiveVerb(tokens, i + 1) >= 0);
    // "have informed" read as an adjective: after have/has/had it is the verb's participle.
    const perfect = t.pos === "ADJ" && /ed$/.test(t.lower) && /^(has|have|had)$/.test(prev?.lower ?? "");
    if (!isVerbLike(t) && !ALWAYS_VERBS.has(t.lower) && !participleNoun && !nounVerb && !perfect) continue;
    const found = lookupVerb(a, i, s.to);
    if (!found || (NOUN_FORMS.has(t.lower) && found.last === i)) continue;
    // "the reported figure", "a said property", "That said,": not reports.
    if (prev && (prev.lower === "the" || prev.lower === "a" || prev.lower === "an")) continue;
    if (t.lower === "said" && prev?.lower === "that" && tokens[i + 1]?.text === ",") continue;
    if (t.lower === "told" && prev?.lower === "all") continue;
    // "the United States": a name. (Not a headline's verb: "…, Former Engineer Testifies", "House
    // Republicans Want a New Speaker".)
    const headlineVerb =
      (s.heading || titleCase) &&
      t.pos === "VERB" &&
      (/[^s]s$/.test(t.lower) || (/[^s]s$/.test(prev?.lower ?? "") && prev?.isCap));
    if (t.isCap && i > s.first && prev?.isWord && !headlineVerb) continue;
    // "than expected", "as expected": a comparison, not a report.
    if (prev && (prev.lower === "than" || (prev.lower === "as" && !tokens[i + 1]?.isWord))) continue;
    const left = extendLeft(a, i, s.first);
    // "Biden may consider imposing conditions": a possible stance is the writer's guess, not a report.
    const speculative = tokens.slice(left.first, i).some((x) => /^(may|might|could)$/.test(x.lower));
    if (speculative && found.entries.every((e) => e.cls === "stance" || e.cls === "intention")) continue;
    let passiveBy = false;
    if (left.passive) {
      // "was quoted as saying" is a cue of its own (the verb "saying" after it); other passives need "by".
      let k = found.last + 1;
      while (k < s.to && g.groupAdverbs.has(tokens[k].lower)) k++;
      if (tokens[k]?.lower !== "by") continue;
      passiveBy = true;
    }
    const last = passiveBy ? found.last : extendRight(a, found.last, s.to);
    // "…, saying …", "and adding …"; also after the main clause's object: "has written to the
    // education secretary asking for a review".
    const afterObject =
      !!prev &&
      (prev.pos === "NOUN" || prev.pos === "PROPN") &&
      tokens
        .slice(s.first, i)
        .some((x) => (x.pos === "VERB" || x.pos === "AUX") && !/ing$/.test(x.lower) && quoteOf[x.i] < 0) &&
      found.entries.some((e) => e.frames.includes("for") || e.frames.includes("that")) &&
      // (Not "with the judge calling his conduct …": there the noun phrase is the subject.)
      !tokens.slice(Math.max(s.first, i - 6), i).some((x) => x.lower === "with");
    const participle =
      /ing$/.test(t.lower) && left.first === i && (prev?.text === "," || prev?.lower === "and" || afterObject);
    cues.push({
      kind: "verb",
      entries: found.entries,
      lemma: found.lemma,
      first: left.first,
      last,
      head: i,
      groupLast: found.last,
      participle,
      passiveBy,
      negated: left.negated,
    });
    i = last;
  }
  return cues;
}

/**
 * "was confident (that)", "is determined to", "grew more confident that", "was skeptical of": an
 * adjective of mental state after a linking verb, with what introduces its content.
 */
function adjectiveCue(a: Analysis, i: number, s: Sentence): Cue | null {
  const { tokens } = a;
  const t = tokens[i];
  if (t.pos !== "ADJ" || !ADJECTIVE_CUES.has(t.lower)) return null;
  let j = i - 1;
  while (
    j >= s.first &&
    (tokens[j].pos === "ADV" || /^(more|less|very|so|increasingly|deeply|fully)$/.test(tokens[j].lower))
  )
    j--;
  const link = tokens[j];
  if (!link || j < s.first || !(LINKING_VERBS.has(link.lemma) || a.lang.grammar.be.has(link.lower))) return null;
  let first = j;
  while (
    first - 1 >= s.first &&
    (a.lang.grammar.auxiliaries.has(tokens[first - 1].lower) ||
      tokens[first - 1].pos === "ADV" ||
      a.lang.grammar.negations.has(tokens[first - 1].lower))
  )
    first--;
  const next = tokens[i + 1];
  if (!next || i + 1 >= s.to) return null;
  const prep = /^(of|about|with|over|on)$/.test(next.lower);
  const opens =
    next.lower === "that" ||
    infinitiveVerb(tokens, i + 1) >= 0 ||
    prep ||
    next.pos === "DET" ||
    next.pos === "PRON" ||
    next.pos === "NOUN" ||
    next.pos === "PROPN";
  if (!opens || (t.lower === "clear" && next.lower !== "that")) return null;
  const last = prep ? i + 1 : i;
  const frames = prep ? (["obj"] as const) : (["that", "inf"] as const);
  return {
    kind: "verb",
    entries: [{ lemma: t.lower, cls: "stance", frames }],
    lemma: t.lower,
    first,
    last,
    head: i,
    groupLast: last,
    participle: false,
    passiveBy: false,
    negated: tokens.slice(first, i).some((x) => a.lang.grammar.negations.has(x.lower)),
  };
}

/** A headline written in title case: most words of four letters or more capitalised. */
function isTitleCase(a: Analysis, s: Sentence): boolean {
  let long = 0;
  let caps = 0;
  for (let i = s.first; i < s.to; i++) {
    const t = a.tokens[i];
    if (!t.isWord || t.text.length < 4 || a.quoteOf[i] >= 0) continue;
    long++;
    if (t.isCap) caps++;
  }
  return long >= 3 && caps >= long * 0.8;
}

function simpleCue(kind: "according" | "citing", first: number, last: number): Cue {
  return {
    kind,
    entries: [],
    lemma: kind,
    first,
    last,
    head: first,
    groupLast: last,
    participle: false,
    passiveBy: false,
    negated: false,
  };
}
