/**
 * English attribution cues as data: each lemma with its class and the frames it takes. Written from
 * knowledge of English news usage (no annotated corpus). The frames say where the source and content
 * stand around the cue:
 *   that      X V (that) C          — a complement clause after the verb group
 *   quote     X V, "Q" / "Q," X V   — a quotation beside the verb group
 *   back      C, X V / C, V X       — the content before, the cue ending its clause
 *   recipient X V Y (that) C        — a hearer between verb and content ("told reporters", "assured allies")
 *   inf       X V to do Y           — an intention or wish ("vowed to", "plans to")
 *   objInf    X V Y to do Z         — "urged lawmakers to", "wants Congress to"
 *   obj       X V NP                — an object that is the content ("criticized the plan as …")
 *   objOf     X V Y of Z            — "accused the mayor of lying"
 *   objAt     X V Y at N            — "put the number at 18,000", "estimated the cost at $14 million"
 *   objFor    X V Y for Z           — "asked the White House for an emergency declaration"
 *   objAs     X V Y as Z            — "41% named housing costs as their top concern" (a thing, not a person)
 *   for       X V for NP            — "called for a ceasefire"
 * `weak` verbs have common senses that are not reports ("added 96 cables", "found the key"): they need
 * "that", a quotation or a clause that clearly begins after them.
 */

export type CueClass = "speech" | "evidence" | "stance" | "intention";
export type Frame =
  | "that"
  | "quote"
  | "back"
  | "recipient"
  | "inf"
  | "objInf"
  | "obj"
  | "objOf"
  | "objAt"
  | "objAs"
  | "objFor"
  | "for";

export interface CueEntry {
  lemma: string;
  cls: CueClass;
  frames: readonly Frame[];
  weak?: boolean;
}

const SPEECH: readonly Frame[] = ["that", "quote", "back"];
const TELL: readonly Frame[] = ["recipient", "quote", "back", "objInf"];

const entries: CueEntry[] = [];
const add = (cls: CueClass, frames: readonly Frame[], lemmas: string, weak = false) => {
  for (const lemma of lemmas.split(/,\s*/)) entries.push({ lemma, cls, frames, weak });
};

// Saying and its manners.
add(
  "speech",
  SPEECH,
  "say, state, declare, announce, insist, argue, claim, contend, assert, maintain, stress, emphasize, emphasise, " +
    "reiterate, repeat, confirm, deny, acknowledge, admit, concede, allege, complain, lament, recall, recount, report, " +
    "reveal, disclose, testify, tweet, write, reply, respond, answer, retort, counter, quip, joke, exclaim, boast, " +
    "brag, predict, forecast, estimate, suggest, hint, imply, remark, comment, observe, mention, clarify, specify, " +
    "explain, add, note, continue, caution, charge, speculate, surmise, swear, concur, agree, disagree, object, " +
    "protest, acknowledge, announce, proclaim, declare, pledge, vow, promise, threaten, demand, recommend, " +
    "urge, plead, beg, ask, wonder, muse, shout, yell, whisper, mutter, post, signal, indicate, underline, underscore, " +
    "highlight, point out, make clear, put it, go on, write, opine, summarize, summarise, conclude, reason, posit, " +
    "describe",
);
// Manners of speaking that introduce words, mostly in quotation (tabloid style: "…," he fumed).
add(
  "speech",
  ["quote", "back"],
  "fume, rage, shrug, snap, storm, seethe, gush, laugh, sigh, scoff, sneer, groan, beam, smile, thunder, " +
    "bellow, cry, chuckle, confess, speak, plead, hit out, fire back, shoot back, hit back, blast, slam, " +
    "rant, rail, moan, grumble, marvel, enthuse, sob, weep, gasp, wail, growl, roar, bark, hiss, whimper",
);
add(
  "speech",
  ["that", "quote", "back"],
  "shoot back, fire back, hit back, push back, weigh in, chime in, go on to say",
);
add("speech", TELL, "tell, inform, assure, remind, notify, brief, advise, warn, caution, reassure, convince, promise");
// "asked a lawyer whether …": a question with its hearer.
add("speech", ["recipient"], "ask");
// Belief and expectation: stance in the guideline's kinds, but the same frames as saying.
add("stance", ["that", "back", "inf", "objInf"], "believe, think, expect, fear, hope, worry, doubt, feel, reckon");
add(
  "stance",
  ["obj"],
  "expect, fear, want, prefer, favor, favour, approve of, disapprove of, push back on, push back against, take issue with, object to, side with",
);
// Evidence: a document or data set as the source.
add(
  "evidence",
  ["that", "back"],
  "show, find, indicate, reveal, demonstrate, confirm, suggest, estimate, project, conclude, document, detail, prove, " +
    "establish, imply, point to, predict, forecast",
);
// Stance toward a thing: the object is the content.
add(
  "stance",
  ["obj", "that"],
  "criticize, criticise, condemn, denounce, decry, slam, blast, praise, hail, welcome, applaud, commend, reject, " +
    "oppose, support, back, endorse, defend, dismiss, question, dispute, challenge, deplore, blame, credit, call, " +
    "greet, attribute, count on, declare, deny, " +
    "describe, characterize, characterise, label, brand, applaud",
);
add("stance", ["objOf"], "accuse");
// A court's or an official's decision with its reasoning: "ruled that the rule was unlawful", "…, ruling
// that the photographs were relevant" (only with a clause; "ruled the country" is no report).
add("speech", ["that"], "rule");
/** Forms of cue verbs that news prose mostly uses as nouns ("House rules that …"): never cues. */
export const NOUN_FORMS = new Set(["rule", "rules"]);
// Excluding a course of action: "has ruled out requisitioning workers", "ruled out a tax rise".
add("stance", ["obj"], "rule out");
// Hostility, scorn and resistance toward a thing or a person: "tore into the forward", "played down the row",
// "has resisted any step that …"; and a forecast of an outcome: "predicted victory".
add(
  "stance",
  ["obj"],
  "tear into, lash out at, round on, hit out at, rebuke, mock, ridicule, play down, downplay, resist, predict",
);
// Demands and goals with a plain object: "urged a veto", "sought a sentence of 10 years", "cheered the draft".
add(
  "stance",
  ["obj"],
  "urge, cheer, seek, demand, recommend, lobby against, campaign against, argue against, push against, fight against",
);
// Evidence or reasons offered: "Supporters point to a surge in crossings" (speech, guideline §6).
add("speech", ["obj"], "point to");
// Estimates with a value: "puts the savings at $3.1 billion", "estimated the cost of repairs at $14 million".
add("evidence", ["objAt"], "put, peg, place, estimate, value");
// Requests of someone for something: "has asked the White House for an emergency declaration".
add("stance", ["objFor"], "ask, petition, press, lobby");
// Answers in a poll: "41% of voters named housing costs as their top concern", "cited crime as …".
add("speech", ["objAs"], "name, cite");
add(
  "stance",
  ["for"],
  "call for, push for, press for, argue for, advocate for, lobby for, campaign for, appeal for, ask for, fight for",
);
add("stance", ["objInf"], "urge, ask, call on, encourage, implore, pressure, order, direct, instruct, press");
// Deliberation and feeling about a thing: "weigh withdrawing troops", "expressed concern about the cuts".
add(
  "stance",
  ["obj", "that"],
  "weigh, consider, mull, express concern about, express concern over, express frustration with, " +
    "express frustration at, express frustration over, express support for, express doubt about, " +
    "express doubts about, raise concerns about, raise questions about, voice concern about, worry about, " +
    "complain about, be skeptical of, argue for",
);

// Intention and wish: the infinitive is the content.
add(
  "intention",
  ["inf", "objInf", "that"],
  "want, plan, intend, aim, vow, pledge, promise, threaten, refuse, seek, hope, expect, agree, offer, " +
    "propose, prefer, try",
);

/**
 * Mental states with content, as adjectives after a form of "be" (or "grew", "remained"): "was
 * confident (that) C", "is determined to C", "was skeptical of C" (guideline §10). The cue is the
 * verb group with the adjective, and the preposition when one introduces the content.
 */
export const ADJECTIVE_CUES = new Set([
  "confident",
  "convinced",
  "certain",
  "sure",
  "determined",
  "committed",
  "skeptical",
  "sceptical",
  "optimistic",
  "pessimistic",
  "hopeful",
  "adamant",
  "worried",
  "concerned",
  "furious",
  "angry",
  "opposed",
  "eager",
  "keen",
  "intent",
  "unconvinced",
  "doubtful",
  "wary",
  "supportive",
  "critical",
  "clear",
]);
export const LINKING_VERBS = new Set(["be", "grow", "become", "remain", "seem", "appear", "sound"]);

/** Irregular forms, for words the tagger lemmatised wrongly because it mistook their part of speech. */
export const IRREGULAR_FORMS: Record<string, string> = {
  said: "say",
  says: "say",
  told: "tell",
  tells: "tell",
  wrote: "write",
  written: "write",
  thought: "think",
  found: "find",
  felt: "feel",
  knew: "know",
  shown: "show",
  sought: "seek",
  meant: "mean",
  spoke: "speak",
  swore: "swear",
  sworn: "swear",
  foresaw: "foresee",
  shot: "shoot",
  hit: "hit",
  went: "go",
  spelled: "spell",
  spelt: "spell",
  tore: "tear",
  torn: "tear",
};

/** All entries per lemma (a lemma may carry several classes and frames). */
export const CUE_LEXICON = new Map<string, CueEntry[]>();
for (const e of entries) {
  const list = CUE_LEXICON.get(e.lemma) ?? [];
  list.push(e);
  CUE_LEXICON.set(e.lemma, list);
}

/** Verbs whose everyday senses are not reports: fire only with "that", a quote or an obvious clause. */
export const WEAK_LEMMAS = new Set([
  "add",
  "note",
  "find",
  "show",
  "call",
  "describe",
  "continue",
  "recall",
  "go on",
  "post",
  "observe",
  "answer",
  "counter",
  "charge",
  "conclude",
  "reason",
  "feel",
  "think",
  "document",
  "detail",
  "project",
  "establish",
  "move",
  "prepare",
  "order",
  "direct",
  "ask",
  "read",
]);

/** Nouns that name a report of speech or thought: "his claim that C", "the ministry's warning that C". */
export const CUE_NOUNS = new Map<string, CueClass>(
  Object.entries({
    claim: "speech",
    assertion: "speech",
    contention: "speech",
    insistence: "speech",
    argument: "speech",
    warning: "speech",
    allegation: "speech",
    suggestion: "speech",
    prediction: "speech",
    assurance: "speech",
    admission: "speech",
    statement: "speech",
    announcement: "speech",
    promise: "intention",
    pledge: "intention",
    vow: "intention",
    threat: "intention",
    plan: "intention",
    belief: "stance",
    view: "stance",
    fear: "stance",
    hope: "stance",
    conclusion: "evidence",
    finding: "evidence",
    estimate: "evidence",
    call: "stance",
    demand: "stance",
  }),
);

/** "In his view, …", "In the words of the coach, …": nouns that open a sentence-initial attribution. */
export const VIEW_NOUNS = new Set([
  "view",
  "opinion",
  "words",
  "estimation",
  "assessment",
  "judgment",
  "judgement",
  "analysis",
  "telling",
  "account",
  "mind",
  "experience",
  "reading",
  "eyes",
]);

/** First words of multiword cues ("shoot back", "call for", "push back on"), for the tagger's repairs. */
export const MULTIWORD_HEADS = new Set(
  [...CUE_LEXICON.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]),
);
