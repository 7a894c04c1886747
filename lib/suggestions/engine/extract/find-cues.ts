/**
 * Cue groups in one sentence: a lexicon verb (or "according to") with its auxiliaries, modals,
 * negation and adverbs ("has consistently said", "will not say", "is expected to announce"), a
 * particle ("pointed out", "called for"), and a channel phrase right after it ("said in a statement",
 * "wrote on X"), which belongs with how it was said rather than with what. Cues inside quotation
 * marks are the quoted speaker's words and are left alone. Passives without a "by" agent name no
 * source ("is said to be furious") and are skipped.
 */
import type { Analysis, Sentence } from "../analysis";
import { ADJECTIVE_CUES, type CueEntry, LINKING_VERBS, NOUN_FORMS } from "../languages/en/cue-lexicon";
import { infinitiveVerb, type Token } from "../nlp/token";
import { extendLeft, extendRight } from "./cue-extent";
import { lookupVerb } from "./cue-lookup";

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

const isVerbLike = (t: Token) => t.pos === "VERB" || t.pos === "AUX";

/** Forms the tagger sometimes calls nouns or adjectives that are always verbs in news prose. */
const ALWAYS_VERBS = new Set(["said", "says", "told", "tells", "added", "wrote", "argued", "insisted", "warned"]);

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
