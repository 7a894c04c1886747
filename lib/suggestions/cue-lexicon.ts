/**
 * Reporting verbs and the small closed word classes around them. Forms are generated once at module
 * load so every tense ("said", "says", "saying", "has said") is a Set lookup at run time.
 */

export interface CueVerb {
  lemma: string;
  /** Takes a recipient before the content: "told colleagues (that) …". */
  recipient: boolean;
  /** Belief verbs taking "X to do Y" ("expect prices to stay high"): an infinitive counts as a clause. */
  infinitive?: boolean;
  /** "accused X of Y": an object followed by "of" is the content even without a clause. */
  objectOf?: boolean;
  /** Too common in non-reporting senses ("added 96 cables", "found the key") to fire without "that" or a quote. */
  needsThatOrQuote: boolean;
}

const IRREGULAR: Record<string, string[]> = {
  say: ["say", "says", "said", "saying"],
  tell: ["tell", "tells", "told", "telling"],
  write: ["write", "writes", "wrote", "written", "writing"],
  think: ["think", "thinks", "thought", "thinking"],
  find: ["find", "finds", "found", "finding"],
  admit: ["admit", "admits", "admitted", "admitting"],
};

/** Regular English inflection, good enough for this closed list. */
function inflectRegular(base: string): string[] {
  if (base.endsWith("e")) return [base, base + "s", base + "d", base.slice(0, -1) + "ing"];
  if (/[^aeiou]y$/.test(base)) return [base, base.slice(0, -1) + "ies", base.slice(0, -1) + "ied", base + "ing"];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base, base + "es", base + "ed", base + "ing"];
  return [base, base + "s", base + "ed", base + "ing"];
}

const SPEECH = [
  "say", "tell", "confirm", "explain", "report", "stress", "inform", "warn", "caution", "insist", "argue",
  "claim", "announce", "acknowledge", "admit", "write", "hint", "clarify", "emphasise", "emphasize", "state",
  "declare", "indicate", "reveal", "disclose", "assert", "complain", "concede", "contend", "allege", "testify",
  "assure", "reiterate", "deny", "suggest", "believe", "underline", "signal", "predict", "estimate", "tweet",
  "post", "respond", "reply", "observe", "recount", "specify",
];
const WEAK = ["call", "describe", "add", "note", "find", "think", "fear", "maintain", "recall", "hope", "acknowledge", "remark", "conclude", "worry"];
const RECIPIENT = new Set(["tell", "inform", "assure", "warn", "remind", "brief", "advise", "caution"]);
const NEEDS_THAT = new Set([...WEAK, "post", "respond", "reply", "observe", "signal", "predict", "estimate"]);

export const CUE_VERBS = new Map<string, CueVerb>();
for (const lemma of [...SPEECH, ...WEAK, "remind", "brief", "advise"]) {
  for (const form of IRREGULAR[lemma] ?? inflectRegular(lemma)) {
    if (!CUE_VERBS.has(form)) {
      CUE_VERBS.set(form, { lemma, recipient: RECIPIENT.has(lemma), needsThatOrQuote: NEEDS_THAT.has(lemma) });
    }
  }
}
/** "put it (plainly)": a cue only before a colon or quote. */
export const PUT_FORMS = new Set(["put", "puts", "putting"]);
for (const lemma of ["expect", "forecast"]) {
  for (const form of inflectRegular(lemma)) CUE_VERBS.set(form, { lemma, recipient: false, needsThatOrQuote: false, infinitive: true });
}
CUE_VERBS.set("forecast", { lemma: "forecast", recipient: false, needsThatOrQuote: false, infinitive: true });
CUE_VERBS.get("predict")!.infinitive = true;
for (const form of inflectRegular("accuse")) CUE_VERBS.set(form, { lemma: "accuse", recipient: false, needsThatOrQuote: false, objectOf: true });
/** "made it clear", "make clear": a verb whose cue-ness depends on the following words. */
export const MAKE_FORMS = new Set(["make", "makes", "made", "making"]);
export const POINT_FORMS = new Set(["point", "points", "pointed", "pointing"]);

/** Words that may sit inside the verb group before the verb: "has consistently stressed", "later clarified". */
export const AUX_BEFORE = new Set([
  "has", "have", "had", "having", "will", "would", "may", "might", "could", "can", "should", "must", "shall",
  "also", "later", "earlier", "previously", "already", "again", "then", "once", "since", "often", "still",
  "privately", "publicly", "repeatedly", "consistently", "reportedly", "separately", "recently", "even",
  "now", "initially", "subsequently",
]);
/** Adverbs glued after the verb that belong to the cue: "said privately". */
export const ADV_AFTER = new Set([
  "privately", "publicly", "separately", "repeatedly", "later", "earlier", "again", "firmly", "flatly",
  "bluntly", "openly", "explicitly", "candidly", "anonymously",
]);
/** Nouns that make "in a … X" a channel phrase belonging to the cue: "said in a statement". */
export const CHANNEL_NOUNS = new Set([
  "statement", "statements", "interview", "interviews", "letter", "post", "posting", "email", "e-mail", "talks",
  "briefing", "conference", "speech", "message", "tweet", "filing", "memo", "note", "call", "remarks",
  "testimony", "address", "video", "podcast", "broadcast", "op-ed", "column", "blog", "communique",
  "communiqué", "release", "conversation", "conversations", "meeting", "meetings", "session", "commentary",
  "article", "essay", "book", "memoir", "editorial", "report", "paper", "thread", "newsletter", "documentary",
  "hearing", "affidavit", "submission", "lawsuit", "sermon", "programme", "program", "show", "appearance", "post",
  "comments", "comment",
]);
export const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s"]);
export const NEGATIONS = new Set(["not", "n't", "never", "neither", "nor", "no"]);
/** Subordinators and coordinators that end a noun phrase when walking left from a cue. */
export const CLAUSE_WORDS = new Set([
  "and", "but", "or", "although", "though", "while", "whereas", "as", "after", "before", "because", "since",
  "when", "whenever", "if", "unless", "that", "which", "who", "whom", "whose", "so", "yet", "where", "until",
  "however", "meanwhile", "also", "then", "came", "come", "comes", "is", "are", "was", "were", "has", "have",
  "had", "will", "would", "said", "says", "than",
]);
/** Words that start a content clause after a cue when there is no "that" (told colleagues he was …). */
export const CLAUSE_STARTERS = new Set([
  "he", "she", "they", "it", "we", "i", "you", "the", "this", "these", "those", "there", "its", "their", "his",
  "her", "a", "an", "any", "some", "no", "all", "more", "most", "many", "several", "each", "every",
]);
/** Verb-ish words proving a stretch of text is a clause, not an adjunct like "on Tuesday". */
export const FINITE_HINTS = new Set([
  "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may",
  "might", "should", "must", "did", "does", "do", "remains", "remained", "wants", "wanted", "needs", "needed",
  "faces", "faced", "saw", "sees", "expects", "knows", "knew", "came", "went", "goes", "made", "makes",
  "took", "takes", "gave", "gives", "got", "gets", "rose", "fell", "grew", "won", "lost", "shows", "showed",
  "means", "meant", "seems", "seemed", "plans", "planned", "hopes", "reduces", "cost", "costs", "left",
  // Irregular past forms, which the "-ed" test misses.
  "stood", "held", "kept", "led", "met", "paid", "sold", "spent", "built", "brought", "bought", "fought", "sent",
  "hit", "put", "ran", "began", "became", "drew", "flew", "threw", "felt", "heard", "understood", "spoke", "broke",
  "chose", "drove", "struck", "stuck", "shot", "fled", "fed", "read", "set", "let", "shut", "quit", "rang", "sank",
  "shrank", "slid", "swung", "won't", "can't", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't",
  "hasn't", "haven't", "wouldn't", "couldn't", "shouldn't", "amounted", "stands", "holds", "keeps", "leads", "says",
]);
