/**
 * Where a verb cue's content starts when it follows the cue ("X said (that) C", "X told Y C", "X vowed
 * to C", "X criticized C"), by the frames the cue's lemma takes; the hearer after tell-type verbs is
 * skipped on the way.
 */
import type { Analysis, Sentence } from "../analysis";
import type { Frame } from "../languages/en/cue-lexicon";
import { infinitiveVerb } from "../nlp/token";
import { looksLikeClause, startsClause } from "./clause-start";
import type { Cue } from "./find-cues";
import { type Mention, npRight } from "./noun-phrases";
import { skipAdjuncts } from "./time-adjuncts";
import { hasDocumentHead } from "./verb-subjects";

const NO_CONTENT_VERBS = new Set([
  "comment",
  "say",
  "discuss",
  "elaborate",
  "specify",
  "answer",
  "respond",
  "disclose",
  "identify",
  "speculate",
  "detail",
  "name",
  "confirm",
  "provide",
  "release",
  "reveal",
  "share",
]);
/** Of those, acts with an object of their own: content unless refused ("offered to release the files"). */
const DISCLOSURES = new Set(["release", "reveal", "share", "provide", "disclose", "identify", "name", "detail"]);
const OBJECT_PRONOUNS = new Set(["it", "him", "her", "them", "us", "me", "this", "these", "those"]);
/** Stance verbs whose object may be a person ("slammed Gallo", "praised them"). */
const JUDGES_PEOPLE = new Set(
  (
    "criticize, criticise, condemn, denounce, slam, blast, praise, hail, applaud, commend, blame, credit, defend, " +
    "accuse, thank, attack, rebuke, mock, ridicule, tear into, lash out at, round on, hit out at"
  ).split(", "),
);
/** Cues whose content may be a gerund: "denied targeting civilians", "considered raising rates". */
const GERUND_CUES = new Set(
  "deny, admit, acknowledge, concede, consider, weigh, recommend, suggest, oppose, support, favor, favour, back, defend, reject, rule out, regret, fear, urge, advocate, report".split(
    ", ",
  ),
);
const QUANTITY_OPENERS = new Set(["nearly", "about", "roughly", "almost", "around", "approximately", "over", "only"]);
const WH_WORDS = new Set(["whether", "if", "how", "why", "what", "when", "where", "who", "which"]);
const NP_START = new Set(["DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"]);

/** Skips a recipient after tell-type verbs: "told reporters", "assured allies on Tuesday", "told CNN". */
export function skipRecipient(a: Analysis, k: number, s: Sentence): number {
  // "told us: …", "assured them that …": an object pronoun.
  if (/^(us|me|him|her|them|you)$/.test(a.tokens[k]?.lower ?? "") && a.tokens[k].pos === "PRON") {
    const n = skipAdjuncts(a, k + 1, s.to);
    return a.tokens[n]?.lower === "that" || a.tokens[n]?.text === ":" || a.tokens[n]?.text === "," || a.opens[n] >= 0
      ? n
      : k;
  }
  const np = npRight(a, k, s.to, false);
  if (!np) return k;
  // "told reporters Okonkwo would not start": a name starting a clause is the content's subject.
  for (let m = np.first + 1; m <= np.last; m++)
    if (a.tokens[m].isCap && !a.tokens[m - 1].isCap && startsClause(a, m, s.to)) return m;
  const n = np.last + 1;
  const next = a.tokens[n];
  if (!next) return k;
  if (next.lower === "that" || next.text === "," || next.text === ":" || a.opens[n] >= 0) return n;
  // "asked a lawyer for the government whether …": a question after its hearer.
  if (/^(whether|if|why|how)$/.test(next.lower)) return n;
  if (infinitiveVerb(a.tokens, n) >= 0) return k; // "told him to leave": objInf
  const after = skipAdjuncts(a, n, s.to);
  if (a.tokens[after]?.lower === "that" || a.opens[after] >= 0) return after;
  // "told supporters in Columbus that", "told the committee at a hearing in March that".
  for (let m = n; m < Math.min(s.to - 1, n + 9); m++) {
    const x = a.tokens[m];
    if ((x.lower === "that" && x.pos === "SCONJ") || a.opens[m] >= 0 || x.text === ":" || x.lower === "whether")
      return m;
    if (x.pos === "VERB" || x.pos === "AUX" || (!x.isWord && x.text !== "," && x.text !== "-")) break;
  }
  // "told reporters the deal was done": a clause follows the recipient.
  if (NP_START.has(a.tokens[after]?.pos ?? "") && looksLikeClause(a, after, s.to - 1)) return after;
  // "told supporters in Colorado Springs he was …": a place or occasion may come between.
  if (next.pos === "ADP" && /^(in|at|on|during|after)$/.test(next.lower)) {
    const place = npRight(a, n + 1, s.to, false);
    const m = place ? place.last + 1 : -1;
    if (m > 0 && a.tokens[m]?.isWord && startsClause(a, m, s.to)) return m;
  }
  return k;
}

/**
 * A weak verb ("added", "noted") takes a clause without "that" only when it plainly opens one: a
 * subject pronoun, or a definite noun phrase whose verb is an auxiliary or modal ("He added the
 * findings were consistent"), never an object that could be what was added ("added 400 jobs").
 */
function plainSubject(a: Analysis, k: number): boolean {
  const t = a.tokens[k];
  if (t.pos === "PRON" && a.lang.grammar.subjectPronouns.has(t.lower) && t.lower !== "it") return true;
  if (!/^(the|this|these|those|its|his|her|their|our)$/.test(t.lower)) return false;
  for (let m = k + 1; m < a.tokens.length && m - k <= 8; m++) {
    const x = a.tokens[m];
    if (x.pos === "AUX") return !/^(being|been|be)$/.test(x.lower);
    if (x.pos === "VERB" || !x.isWord || a.quoteOf[m] >= 0) return false;
  }
  return false;
}

/** Where a forward complement starts after the cue group, by frame; -1 when none fits. */
export function complementStart(
  a: Analysis,
  cue: Cue,
  frames: Set<Frame>,
  s: Sentence,
  mention: Mention,
): { k: number; frame: Frame | "relative" } | null {
  const { tokens } = a;
  let k = cue.last + 1;
  if (frames.has("recipient")) k = skipRecipient(a, k, s);
  k = skipAdjuncts(a, k, s.to);
  const t = tokens[k];
  if (!t || k >= s.to) return null;
  // "found the key" is no report, "the study found rents rose" is: a document subject lifts the doubt.
  const documentSubject =
    a.lang.isDocumentNoun(a.tokens[mention.last].lower) ||
    hasDocumentHead(a, mention) ||
    (a.lang.grammar.evidenceAgents.has(a.tokens[mention.last].lower) && cue.entries.some((e) => e.cls === "evidence"));
  const weak = !documentSubject && cue.entries.some((e) => a.lang.weakCues.has(e.lemma));
  if (t.lower === "that" && (t.pos === "SCONJ" || t.pos === "PRON" || t.pos === "DET") && k + 1 < s.to) {
    if (frames.has("that") || frames.has("recipient")) return { k: k + 1, frame: "that" };
  }
  if (t.text === ":" && k + 1 < s.to) return { k: k + 1, frame: "that" };
  // "…, which he said ruled out a fault": the relative pronoun is the subject of the content.
  const rel = tokens[mention.first - 1];
  const finiteVerb = (t.pos === "VERB" && !/ing$/.test(t.lower)) || t.pos === "AUX";
  if (rel && /^(which|that|who)$/.test(rel.lower) && finiteVerb && frames.has("that")) return { k, frame: "relative" };
  // "a plan she said would cost $60 million": a relative clause with no pronoun, its noun the subject.
  if (
    rel &&
    (rel.pos === "NOUN" || rel.pos === "PROPN") &&
    finiteVerb &&
    frames.has("that") &&
    (mention.first === mention.last || !a.lang.grammar.determiners.has(tokens[mention.first].lower))
  )
    return { k, frame: "relative" };
  // "said in a post on social media that", "told reporters at a news conference in the capital that".
  if (t.pos === "ADP" && (frames.has("that") || frames.has("recipient"))) {
    for (let m = k + 1; m < Math.min(s.to - 1, k + 9); m++) {
      const x = tokens[m];
      const clauseThat =
        x.lower === "that" && (x.pos === "SCONJ" || tokens[m + 1]?.pos === "PRON" || tokens[m + 1]?.pos === "DET");
      if (clauseThat) return { k: m + 1, frame: "that" };
      if (x.pos === "VERB" || x.pos === "AUX" || !x.isWord || a.quoteOf[m] >= 0) break;
    }
  }
  if (infinitiveVerb(tokens, k) >= 0 && frames.has("inf")) {
    // "declined to say", "refused to comment": an attribution with no content (guideline §1).
    // ("offered to release two of the Americans" is an intention with content: only a refusal or a
    // negated cue makes an act of disclosure empty.)
    const verb = tokens[infinitiveVerb(tokens, k)].lemma;
    const refusal = cue.negated || cue.entries.some((e) => /^(decline|refuse)$/.test(e.lemma));
    if (NO_CONTENT_VERBS.has(verb) && (refusal || !DISCLOSURES.has(verb))) return null;
    return { k, frame: "inf" };
  }
  if (frames.has("for") && cue.lemma.endsWith(" for")) return { k, frame: "for" };
  // "denied knowingly taking the drug", "admitted misleading investors": a gerund is the content.
  if (cue.entries.some((e) => GERUND_CUES.has(e.lemma))) {
    let v = k;
    while (v < s.to && tokens[v].pos === "ADV" && v - k < 2) v++;
    // ("reported feeling dizzy": a gerund the tagger read as a noun; not "reported the funding of …".)
    const gerundNoun =
      tokens[v]?.pos === "NOUN" &&
      /ing$/.test(tokens[v].lower) &&
      v + 1 < s.to &&
      /^(ADJ|ADV|NOUN|ADP)$/.test(tokens[v + 1].pos) &&
      tokens[v + 1].lower !== "of";
    if ((tokens[v]?.pos === "VERB" || gerundNoun) && /ing$/.test(tokens[v].lower)) return { k, frame: "obj" };
  }
  // "puts the savings at $3.1 billion": an estimate with its value.
  if (frames.has("objAt") && NP_START.has(t.pos)) {
    const np = npRight(a, k, s.to, false);
    const at = np ? np.last + 1 : -1;
    if (at > 0 && tokens[at]?.lower === "at" && /^(NUM|SYM|ADV)$/.test(tokens[at + 1]?.pos ?? ""))
      return { k, frame: "obj" };
  }
  // "asked the White House for an emergency declaration": the hearer and the thing requested.
  // (Not after a causative, a possibility rather than a request: "warrants, which let investigators ask …".)
  const causative = /^(let|lets|letting|make|makes|help|helps)$/.test(tokens[mention.first - 1]?.lower ?? "");
  if (frames.has("objFor") && NP_START.has(t.pos) && !causative) {
    const np = npRight(a, k, s.to, false);
    if (np && tokens[np.last + 1]?.lower === "for" && np.last + 2 < s.to) return { k, frame: "obj" };
  }
  // "named housing costs as their top concern": a thing named as an answer (never "named Jane Doe as CEO").
  if (frames.has("objAs") && NP_START.has(t.pos) && t.pos !== "PRON") {
    const np = npRight(a, k, s.to, false);
    const person = !!np && tokens.slice(np.first, np.last + 1).some((x) => x.pos === "PROPN");
    if (np && !person && tokens[np.last + 1]?.lower === "as") return { k, frame: "obj" };
  }
  // "asked whether …" is content; "does not say how …" is a refusal with none (guideline §1).
  if (WH_WORDS.has(t.lower) && (frames.has("that") || frames.has("recipient")) && (!weak || t.lower === "whether"))
    return cue.negated ? null : { k, frame: "that" };
  // "Opinion polls show broad sympathy", "inspectors found cracks": evidence may be a bare noun phrase.
  // ("show at least 11 tankers", "shows roughly a third of voters …": a quantity may open it.)
  const quantity =
    (t.lower === "at" && tokens[k + 1]?.lower === "least") ||
    (QUANTITY_OPENERS.has(t.lower) && /^(NUM|DET|ADJ|SYM)$/.test(tokens[k + 1]?.pos ?? ""));
  if (
    documentSubject &&
    cue.entries.some((e) => e.cls === "evidence") &&
    ((NP_START.has(t.pos) && t.pos !== "PRON") || quantity)
  )
    return { k, frame: "that" };
  // "had expected $2.3 billion", "forecast £40 million": an amount is an object too.
  if (frames.has("obj") && /^[$£€¥]$/.test(t.text) && tokens[k + 1]?.pos === "NUM") return { k, frame: "obj" };
  if (NP_START.has(t.pos) || t.isWord) {
    if (frames.has("objInf")) {
      // "urged residents in the storm's path to stay indoors": the object may carry a modifier.
      const np = npRight(a, k, s.to, true);
      // ("expect this year's minimum, due in February, to be …": an appositive may come between.)
      const app = np?.appositive;
      const after = app && tokens[app.last + 1]?.text === "," ? app.last + 2 : -1;
      if (np && (infinitiveVerb(tokens, np.last + 1) >= 0 || (after > 0 && infinitiveVerb(tokens, after) >= 0)))
        return { k, frame: "objInf" };
    }
    if (frames.has("objOf")) {
      const np = npRight(a, k, s.to, false);
      if (np && tokens[np.last + 1]?.lower === "of") return { k, frame: "objOf" };
    }
    if (
      (frames.has("that") || frames.has("recipient")) &&
      (!weak || (!cue.negated && plainSubject(a, k))) &&
      startsClause(a, k, s.to)
    )
      return { k, frame: "that" };
    // "criticized the plan", not "backed Ms. Ramos in both campaigns": the object is a thing, not a person.
    // Judgements of a person are stances too ("slammed Gallo", "praised them"); backing, calling or
    // greeting one is not ("backed Ms. Ramos in both campaigns", "called Mr. Lee").
    const pronoun = t.pos === "PRON" && (OBJECT_PRONOUNS.has(t.lower) || a.lang.grammar.possessives.has(t.lower));
    if (frames.has("obj") && NP_START.has(t.pos) && (t.pos !== "PRON" || pronoun)) {
      const np = npRight(a, k, s.to, false);
      const person =
        (!!np && tokens.slice(np.first, np.last + 1).every((x) => x.pos === "PROPN" || x.text === ".")) ||
        (t.pos === "PRON" && t.lower !== "it" && !a.lang.grammar.possessives.has(t.lower));
      if (!person || cue.entries.some((e) => JUDGES_PEOPLE.has(e.lemma))) return { k, frame: "obj" };
    }
  }
  return null;
}
