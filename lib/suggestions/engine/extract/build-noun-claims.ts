/**
 * Attribution by a noun: "In his view, …", "In the words of the coach, …", and a possessor's claim
 * noun with its complement, "rejected Babbage's claim that the engine works", "the ministry's warning
 * that …", "Lee's plan to cut taxes", "the union's call for a strike". The cue is the noun alone
 * (guideline §2), the mention the possessor without its 's. A bare "the claim that …" names nobody.
 * A claim noun heading the subject ("His claim that X was rejected") is skipped: where its content
 * ends cannot be told from the main verb without a parser.
 */
import type { Analysis, Sentence } from "../analysis";
import { CUE_NOUNS, VIEW_NOUNS } from "../languages/en/cue-lexicon";
import { infinitiveVerb } from "../nlp/token";
import { clauseEnd, spanOf, trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { type Mention, npLeft } from "./noun-phrases";
import { classifyMode } from "./quote-spans";
import type { RawClaim } from "./raw-claim";

const nounCue = (i: number): Cue => ({
  kind: "verb",
  entries: [],
  lemma: "noun",
  first: i,
  last: i,
  head: i,
  groupLast: i,
  participle: false,
  passiveBy: false,
  negated: false,
});

function make(a: Analysis, s: Sentence, mention: Mention, cueAt: number, start: number): RawClaim | null {
  if (start >= s.to) return null;
  const content = trimSpan(a.text, { start: a.tokens[start].start, end: clauseEnd(a, start, s) });
  if (content.end - content.start < 6) return null;
  const cls = CUE_NOUNS.get(a.tokens[cueAt].lemma) ?? "stance";
  return {
    cue: nounCue(cueAt),
    cueSpan: spanOf(a.tokens, cueAt, cueAt),
    mention,
    content,
    mode: classifyMode(a, [content]),
    cls,
    sentence: s.index,
    shape: "forward",
    confidence: 0.7,
  };
}

/** The possessor before token `i` ("his", "Babbage's", "the ministry's"), as a mention without the 's. */
function possessorBefore(a: Analysis, i: number, from: number): Mention | null {
  const t = a.tokens[i - 1];
  if (!t || i - 1 < from) return null;
  if (t.pos === "PRON" && a.lang.grammar.possessives.has(t.lower) && t.lower !== "whose")
    return { first: i - 1, last: i - 1, appositive: null };
  if ((t.lower === "'s" || t.lower === "'") && i - 2 >= from) {
    const first = npLeft(a, i - 2, from);
    return first >= 0 ? { first, last: i - 2, appositive: null } : null;
  }
  return null;
}

/** "In his view, …", "In Pike's opinion, …", "In the words of the coach, …" opening the sentence. */
function openingView(a: Analysis, s: Sentence): RawClaim | null {
  const { tokens } = a;
  const f = s.first;
  if (tokens[f]?.lower !== "in") return null;
  for (let n = f + 2; n < Math.min(s.to, f + 6); n++) {
    if (!VIEW_NOUNS.has(tokens[n].lower)) continue;
    if (tokens[n + 1]?.text === ",") {
      const owner = possessorBefore(a, n, f + 1);
      return owner ? make(a, s, owner, n, n + 2) : null;
    }
    if (tokens[n + 1]?.lower === "of" && tokens[n - 1]?.lower === "the") {
      let c = n + 2;
      while (c < s.to && tokens[c].text !== ",") c++;
      if (c >= s.to || c === n + 2 || c - n > 12) return null;
      return make(a, s, { first: n + 2, last: c - 1, appositive: null }, n, c + 1);
    }
    return null;
  }
  return null;
}

export function buildNounClaims(a: Analysis, s: Sentence): RawClaim[] {
  const { tokens } = a;
  const out: RawClaim[] = [];
  const view = openingView(a, s);
  if (view) out.push(view);
  for (let i = s.first + 1; i + 2 < s.to; i++) {
    const t = tokens[i];
    if (t.pos !== "NOUN" || !CUE_NOUNS.has(t.lemma) || a.quoteOf[i] >= 0) continue;
    const next = tokens[i + 1];
    const complement =
      next.lower === "that" ? i + 2 : infinitiveVerb(tokens, i + 1) >= 0 ? i + 1 : next.lower === "for" ? i + 2 : -1;
    if (complement < 0) continue;
    const owner = possessorBefore(a, i, s.first);
    if (!owner) continue;
    // Object position only: a verb or preposition right before the possessor's phrase.
    const before = tokens[owner.first - 1];
    if (
      !before ||
      owner.first - 1 < s.first ||
      !(before.pos === "VERB" || before.pos === "ADP" || before.pos === "AUX")
    )
      continue;
    const claim = make(a, s, owner, i, complement);
    if (claim) out.push(claim);
  }
  return out;
}
