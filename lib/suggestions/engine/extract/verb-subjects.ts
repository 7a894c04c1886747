/**
 * Who speaks for a verb cue when no subject stands right before it: the main clause's subject for a
 * participle ("…, saying"), the subject shared with an earlier verb joined by "and"/"but", and the
 * words that belong to an inverted source's mention.
 */
import type { Analysis, Sentence } from "../analysis";
import { tokenAt } from "../nlp/token";
import { startsClause } from "./clause-start";
import { trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { type Mention, npRight } from "./noun-phrases";
import { classifyMode } from "./quote-spans";
import type { RawClaim } from "./raw-claim";
import { subjectBefore, titledNameEnd } from "./subject-before";

/** Subject of the main clause, for participle cues: "The ministry welcomed the move, saying …". */
export function clauseSubject(a: Analysis, s: Sentence, before: number): Mention | null {
  const { tokens } = a;
  let k = s.first;
  if (tokens[k]?.pos === "CCONJ" && k + 1 < before) k++; // "But Justice Kendrick appeared …, noting"
  // Skip an opening adjunct up to its comma: "On Tuesday, the ministry …".
  if (tokens[k] && (tokens[k].pos === "ADP" || tokens[k].pos === "ADV" || tokens[k].pos === "SCONJ")) {
    while (k < before && tokens[k].text !== ",") k++;
    k++;
  }
  if (k >= before) return null;
  let np = npRight(a, k, before);
  if (!np) return null;
  // "Delivery workers and their allies tore into …, calling it …": a coordinated subject.
  if (tokens[np.last + 1]?.lower === "and") {
    const second = npRight(a, np.last + 2, before);
    if (second) np = { first: np.first, last: second.last, appositive: null };
  }
  // "The Arizona Association of Chiefs of Police opposed …": a name's "of" phrases the chunker left out.
  for (let pp = 0; pp < 2 && /^(of|for|on)$/.test(tokens[np.last + 1]?.lower ?? ""); pp++) {
    const more = npRight(a, np.last + 2, before);
    if (!more) break;
    np = { first: np.first, last: more.last, appositive: more.appositive };
  }
  const after = tokens[np.last + 1];
  if (!(after && (after.pos === "VERB" || after.pos === "AUX" || after.text === "," || after.text === "(")))
    return null;
  // "The governor's budget secretary, Ahmed Siddiqui, defended …, saying": the name between commas
  // is the mention, the role before it an appositive (guideline §3).
  const app = np.appositive;
  if (
    app &&
    tokens[app.last + 1]?.text === "," &&
    tokens.slice(app.first, app.last + 1).every((t) => t.pos === "PROPN" || t.text === "." || t.isCap) &&
    !tokens.slice(np.first, np.last + 1).every((t) => t.pos === "PROPN" || t.isCap)
  )
    return { first: app.first, last: app.last, appositive: null };
  return { ...np, last: titledNameEnd(a, np.first, np.last) };
}

/**
 * `"…," said one fan sitting two rows back.`: a participle phrase closing the sentence after an
 * inverted source describes it, and belongs to its mention (at most six words, no finite verb).
 */
export function closingParticiple(a: Analysis, m: Mention, s: Sentence): Mention {
  const { tokens } = a;
  const p = tokens[m.last + 1];
  if (m.appositive || !p || p.pos !== "VERB" || !/ing$/.test(p.lower) || tokens[m.last].pos !== "NOUN") return m;
  let e = m.last + 1;
  while (e + 1 < s.to && e - m.last < 6 && tokens[e + 1].isWord && tokens[e + 1].pos !== "AUX") e++;
  const end = tokens[e + 1];
  if (end && e + 1 < s.to && !/^[.!?]$/.test(end.text)) return m;
  if (tokens.slice(m.last + 2, e + 1).some((x) => x.pos === "VERB" && !/ing$/.test(x.lower))) return m;
  return { ...m, last: e };
}

/**
 * The subject of a verb joined by "and"/"but" to an earlier one. A speech act ("… and called for",
 * "… and urged") continues the sentence's first attribution; any other verb ("… and believes") joins
 * the nearest finite verb before it, sharing that verb's subject (the claim it cues, if it is a cue).
 */
export function coordinatedSubject(a: Analysis, s: Sentence, cue: Cue, earlier: RawClaim[]): Mention | null {
  const { tokens } = a;
  const mine = earlier.filter((c) => c.cue && c.mention && c.sentence === s.index && c.cue.last < cue.first);
  const and = cue.first - 1;
  // "told reporters the president “expects …” and believes …": a present-tense verb after a
  // past-tense cue goes on with the content's present-tense verb, and shares its subject.
  for (const c of mine) {
    const inner = c.mention!.antecedent === undefined ? presentContentSubject(a, c, cue, and) : null;
    if (inner) return inner;
  }
  const after = tokens[cue.last + 1];
  // "believe the protests are large but doubt they can …": a verb taking a clause of its own is the
  // source's next report, not the content's verb.
  const takesClause =
    !!after &&
    (after.lower === "that" ||
      after.text === ":" ||
      a.opens[after.i] >= 0 ||
      (after.pos === "PRON" && a.lang.grammar.subjectPronouns.has(after.lower) && startsClause(a, after.i, s.to)));
  // "were furious and had told Hartwell to …": a past perfect after "and" continues the reported clause.
  const backshifted = tokens[cue.first]?.lower === "had";
  if ((a.lang.grammar.coordinatedActs.has(tokens[cue.head].lower) || takesClause) && !backshifted) {
    // The sentence's own first attribution, not one inside a relative clause ("who has pushed for …").
    const top = mine.filter((c) => c.mention!.antecedent === undefined);
    const main = top.find((c) => c.content.start > tokens[c.cue!.last].start || c.shape !== "forward") ?? top[0];
    if (main) {
      // "said he opposed a ban and believes “…”": the earlier reports stop at the joint.
      for (const c of mine) {
        if (c.parts || !(c.content.start < tokens[and].start && c.content.end > tokens[and].start)) continue;
        c.content = trimSpan(a.text, { start: c.content.start, end: tokens[and].start });
        c.mode = classifyMode(a, [c.content]);
      }
      return main.mention;
    }
    return clauseSubject(a, s, cue.first);
  }
  for (let j = and - 1; j >= s.first; j--) {
    const t = tokens[j];
    // "she was “disappointed but not surprised” and expected …": a quoted participle is no verb of the
    // clause (a quoted auxiliary is: "said Ramos “is committed to transit” and expected to …").
    if (a.quoteOf[j] >= 0 && t.pos !== "AUX") continue;

    const finite = (t.pos === "VERB" || t.pos === "AUX") && !/ing$/.test(t.lower) && tokens[j - 1]?.lower !== "to";
    if (!finite) continue;
    const claim = mine.find((c) => c.cue!.head === j);
    if (claim) {
      // "he opposed a federal ban and believes …": the first verb's content stops at the joint.
      if (claim.content.end > tokens[and].start && claim.content.start < tokens[and].start && !claim.parts) {
        claim.content = trimSpan(a.text, { start: claim.content.start, end: tokens[and].start });
        claim.mode = classifyMode(a, [claim.content]);
      }
      return claim.mention;
    }
    let g = j;
    while (
      g - 1 >= s.first &&
      (tokens[g - 1].pos === "AUX" || tokens[g - 1].pos === "ADV" || tokens[g - 1].pos === "PART")
    )
      g--;
    return subjectBefore(a, g, s.first) ?? clauseSubject(a, s, cue.first);
  }
  return clauseSubject(a, s, cue.first);
}

const presentS = (lower: string, lemma: string) => /[^s]s$/.test(lower) && lower !== lemma;
const PRESENT_AUX = new Set(["is", "has", "does", "remains"]);

/**
 * The subject of `main`'s content when the coordinated cue at `cue` continues that content rather than
 * the main clause: `main`'s cue is in the past ("said", "told"), the cue after "and" is in the present
 * ("believes"), and so is the content's last verb before "and" ("the president “expects …” and
 * believes"). Tense shows the joint: a past report does not coordinate with a present act.
 */
function presentContentSubject(a: Analysis, main: RawClaim, cue: Cue, and: number): Mention | null {
  const { tokens } = a;
  const mainHead = tokens[main.cue!.head];
  const head = tokens[cue.head];
  if (main.shape !== "forward" || main.parts || !(main.content.start < tokens[and].start)) return null;
  if (main.content.end < tokens[and].start || cue.first !== cue.head) return null;
  const past =
    mainHead.lower !== mainHead.lemma &&
    !presentS(mainHead.lower, mainHead.lemma) &&
    main.cue!.first === main.cue!.head;
  if (!past || !presentS(head.lower, head.lemma)) return null;
  for (let j = and - 1; j >= 0 && tokens[j].start >= main.content.start; j--) {
    const t = tokens[j];
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    if (!(PRESENT_AUX.has(t.lower) || presentS(t.lower, t.lemma))) return null;
    // (A binary search: a scan from the text's start would make long texts quadratic.)
    const subject = npRight(a, tokenAt(tokens, main.content.start), j);
    return subject && subject.last < j ? { first: subject.first, last: subject.last, appositive: null } : null;
  }
  return null;
}

/** "A poll released Monday by the institute": a document noun heads the phrase before its modifiers. */
export function hasDocumentHead(a: Analysis, m: Mention): boolean {
  for (let i = m.first; i <= m.last; i++) {
    const t = a.tokens[i];
    if (a.lang.isDocumentNoun(t.lower) && (t.pos === "NOUN" || t.pos === "PROPN")) return true;
    if (t.pos === "ADP" || t.pos === "VERB") return false;
  }
  return false;
}
