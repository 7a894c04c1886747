/**
 * Repairs the lite model's tags where news prose trips it, before any rule reads them: a reporting
 * verb after a plural or mass subject read as a noun ("Data show …", "Polls show …", "businesses plan
 * to …"), a participle after have/has/had read as an adjective ("have informed"), and a noun modifier
 * after "according to" read as a verb ("according to state data").
 */
import { infinitiveVerb, isQuoteMark, type Token } from "../../nlp/token";
import { CUE_LEXICON, IRREGULAR_FORMS, MULTIWORD_HEADS } from "./cue-lexicon";

const CLAUSE_OPENERS = new Set(["DET", "NUM", "PRON", "PROPN", "ADJ", "NOUN"]);
const NP_LEFT = new Set(["PROPN", "ADJ", "DET", "NOUN"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you"]);
const TITLES_BEFORE_GENERAL = /^(attorneys?|inspectors?|surgeons?|solicitors?|secretar(y|ies)|consuls?|governors?)$/;
const MASS_SUBJECTS = new Set(["data", "research", "evidence", "staff", "police", "public", "media", "management"]);

function cueLemma(t: Token): boolean {
  const base = IRREGULAR_FORMS[t.lower] ?? t.lemma;
  return CUE_LEXICON.has(t.lemma) || CUE_LEXICON.has(t.lower) || CUE_LEXICON.has(base) || MULTIWORD_HEADS.has(base);
}

export function retagEnglish(tokens: Token[]): Token[] {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "attorneys general argued", "the inspector general found": a title's postposed head is a noun.
    if (t.lower === "general" && t.pos === "ADJ" && TITLES_BEFORE_GENERAL.test(prev.lower)) {
      t.pos = "NOUN";
      continue;
    }
    // "said no one in the administration had …": "no one" heads a noun phrase, the content’s subject.
    if (t.lower === "one" && prev.lower === "no" && t.pos === "NUM") {
      t.pos = "NOUN";
      continue;
    }
    // `"…," fumed Ligia Moran`: a reporting word right after a closing quotation is its verb.
    // (Also with the speaker between: `"…," Hale fumed.`, `"…," Kovacs shot back.`)
    const closing = (k: number) =>
      /^(["”»’]|''|')$/.test(tokens[k]?.text ?? "") && /^[,?!]$/.test(tokens[k - 1]?.text ?? "");
    const afterQuote =
      closing(i - 1) ||
      (closing(i - 2) &&
        (prev.pos === "PROPN" || prev.pos === "PRON") &&
        (!next?.isWord || /^(back|out|afterwards|later|outside|after|before|as|at|in|on|to)$/.test(next.lower)));
    if (afterQuote && !t.isCap && (cueLemma(t) || cueLemma({ ...t, lemma: t.lower.replace(/d$/, "") }))) {
      t.pos = "VERB";
      if (!CUE_LEXICON.has(t.lemma))
        t.lemma = CUE_LEXICON.has(t.lower.replace(/d$/, "")) ? t.lower.replace(/d$/, "") : t.lower.replace(/ed$/, "");
      continue;
    }
    // "urged both sides to «exercise restraint»": after the infinitive marker, a verb.
    if (t.lower === "to" && t.pos === "PART") {
      const v = isQuoteMark(next) ? tokens[i + 2] : next;
      if (v && v.pos === "NOUN" && !v.isCap && v.lower === v.lemma) v.pos = "VERB";
      continue;
    }
    // "believe the protests are large but doubt they can …": after a conjunction, a verb with its clause.
    if (
      t.pos === "NOUN" &&
      !t.isCap &&
      (prev.lower === "but" || prev.lower === "and") &&
      cueLemma(t) &&
      (next?.lower === "that" || (next?.pos === "PRON" && SUBJECT_PRONOUNS.has(next.lower)))
    ) {
      t.pos = "VERB";
      continue;
    }
    if (t.pos === "NOUN" && !t.isCap && !/ing$/.test(t.lower) && cueLemma(t) && next) {
      // "His campaign plans to spend …": a noun after a possessive, read as the verb, before the real one.
      if (
        prev.pos === "VERB" &&
        !prev.isCap &&
        /^(his|her|its|their|our|my|your|the)$/.test(tokens[i - 2]?.lower ?? "") &&
        /[^s]s$/.test(t.lower) &&
        infinitiveVerb(tokens, i + 1) >= 0
      )
        prev.pos = "NOUN";
      // "Court documents show": a plural noun the tagger read as the verb, before the real one.
      if (prev.pos === "VERB" && /[^s]s$/.test(prev.lower) && t.lower === t.lemma && NP_LEFT.has(tokens[i - 2]?.pos))
        prev.pos = "NOUN";
      // A plural or mass subject ("Data show", "Polls show", "54% oppose"), never a compound's first
      // noun ("customer support requests", "interest rates").
      const plural =
        /[^s]s$/.test(prev.lower) || MASS_SUBJECTS.has(prev.lower) || /^(%|percent|cent)$/.test(prev.lower);
      const inS = /[^s]s$/.test(t.lower) && t.lower !== t.lemma;
      const quantity = /^(at|more|nearly|about|almost|roughly|only|just|fewer|less|over)$/.test(next.lower);
      // "The senator doubts the bill will pass", "The Congressional Budget Office estimates the plan …":
      // a singular head (of a compound) after its determiner, a verb in -s.
      const singular =
        prev.pos === "NOUN" &&
        !plural &&
        inS &&
        (NP_LEFT.has(tokens[i - 2]?.pos) || /^(his|her|its|their|our|my|your)$/.test(tokens[i - 2]?.lower ?? "")) &&
        // ("the administration points to …": the particle of a multiword cue.)
        (CUE_LEXICON.has(`${t.lemma} ${next.lower}`) ||
          next.pos === "DET" ||
          next.pos === "PROPN" ||
          next.pos === "NUM" ||
          quantity ||
          infinitiveVerb(tokens, i + 1) >= 0 ||
          (next.pos === "PRON" && SUBJECT_PRONOUNS.has(next.lower)));
      const subject =
        ((prev.pos === "NOUN" || prev.pos === "SYM") && plural) ||
        singular ||
        prev.pos === "PROPN" ||
        (prev.pos === "PRON" && prev.lower !== "its") ||
        // "Data from the monitoring mission show at least 140 …": a plural head before its modifier.
        (t.lower === t.lemma && prev.pos === "NOUN" && pluralHeadBefore(tokens, i));
      const opens =
        next.lower === "that" ||
        // "point to", "call for", "push back on": the particle of a multiword cue.
        CUE_LEXICON.has(`${t.lemma} ${next.lower}`) ||
        infinitiveVerb(tokens, i + 1) >= 0 ||
        /^(back|out)$/.test(next.lower) ||
        quantity ||
        (CLAUSE_OPENERS.has(next.pos) && next.lower !== "of") ||
        // "a move officials say will save …": a relative clause whose subject gap sits before the verb.
        // ("their plan would …" is a noun after a possessive.)
        (next.pos === "AUX" &&
          prev.pos !== "PRON" &&
          !!CUE_LEXICON.get(t.lemma)?.some((e) => e.frames.includes("that")));
      // "…, department data show, but …", "…, a new poll finds.": a source set off after its content.
      const closesInsert =
        /^[,.;]$/.test(next.text) &&
        (plural ? t.lower === t.lemma : inS) &&
        (prev.pos === "NOUN" || prev.pos === "PROPN") &&
        afterComma(tokens, i - 1);
      // "said Kemp campaign manager Ellie Brandauer": a base form after a singular name, before a title
      // and a name, is a noun modifier (the finite verb would take -s).
      const titleAhead =
        prev.pos === "PROPN" &&
        t.lower === t.lemma &&
        next.pos === "NOUN" &&
        tokens[i + 2]?.pos === "PROPN" &&
        tokens[i + 2].isCap;
      if (((subject && opens) || closesInsert) && prev.lower !== "'s" && !titleAhead) t.pos = "VERB";
      // "tracking data show worry about housing": after a plural subject, a bare cue before a bare
      // word read as a verb is the verb, and that word the noun opening its object.
      else if (
        subject &&
        plural &&
        t.lower === t.lemma &&
        next.pos === "VERB" &&
        !next.isCap &&
        next.lower === next.lemma &&
        /^(ADP|NOUN)$/.test(tokens[i + 2]?.pos ?? "")
      ) {
        t.pos = "VERB";
        next.pos = "NOUN";
      }
    } else if (t.pos === "ADJ" && /ed$/.test(t.lower) && /^(has|have|had)$/.test(prev.lower)) t.pos = "VERB";
    else if (t.pos === "VERB" && prev.lower === "to" && tokens[i - 2]?.lower === "according") t.pos = "NOUN";
    // "says its forces target only fighters", "said the math cuts both ways": the reported clause's
    // verb read as a noun, after its subject's head, with no other verb in the clause.
    else if (t.pos === "NOUN" && clauseVerbAsNoun(tokens, i)) t.pos = "VERB";
    // "exporters in the south say": an adverb right after an article is a noun ("the north pier").
    else if (
      t.pos === "ADV" &&
      /^(a|an|the)$/.test(prev.lower) &&
      !ARTICLE_ADVERBS.has(t.lower) &&
      !/^(ADJ|ADV)$/.test(next?.pos ?? "")
    )
      t.pos = "NOUN";
    // "acknowledged a seep near the bridge": no finite verb follows an article; it heads the noun phrase.
    else if (t.pos === "VERB" && /^(a|an|the)$/.test(prev.lower) && !/(ed|ing|en)$/.test(t.lower) && !t.isCap)
      t.pos = "NOUN";
  }
  return tokens;
}

const CLAUSE_DETERMINERS = /^(the|its|his|her|their|our|this|these|those)$/;

/** At `i`: "say(s)/said + determiner + noun + this word", agreeing with that noun, and no verb after it. */
function clauseVerbAsNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const subject = tokens[i - 1];
  const det = tokens[i - 2];
  const cue = tokens[i - 3];
  const next = tokens[i + 1];
  if (t.isCap || !subject || subject.pos !== "NOUN" || !det || !CLAUSE_DETERMINERS.test(det.lower)) return false;
  if (cue?.pos !== "VERB" || !/^(say|says|said|add|adds|added|insist|insists|insisted)$/.test(cue.lower)) return false;
  if (!next || !/^(DET|ADV|NUM|ADJ|PRON)$/.test(next.pos)) return false;
  const plural = /[^s]s$/.test(subject.lower);
  const agrees = plural ? t.lower === t.lemma && !/s$/.test(t.lower) : /[^s]s$/.test(t.lower) && t.lower !== t.lemma;
  if (!agrees) return false;
  // (At most 40 words ahead, so a text without punctuation stays linear.)
  for (let k = i + 1; k < tokens.length && k - i <= 40 && !/^[.,;:!?]$/.test(tokens[k].text); k++)
    if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") return false;
  return true;
}

/** Adverbs that do follow an article: "the most", "the only", "a very", "the once-mighty". */
const ARTICLE_ADVERBS = new Set(
  "most least more less very only so too just even already once still far much rather quite almost best worst".split(
    " ",
  ),
);
const PP_WORDS = new Set(["from", "of", "by", "in", "at", "on", "for"]);
const isPlural = (t: Token) => /[^s]s$/.test(t.lower) || MASS_SUBJECTS.has(t.lower);

/**
 * A plural head before a modifier that ends at `i`: "Data from the ORS mission", "Satellite images from
 * NASA's system", "Court papers obtained by The Scoop". Walks left over the noun phrase, at most ten words.
 */
function pluralHeadBefore(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 10; j--) {
    const t = tokens[j];
    const left = tokens[j - 1];
    if (t.pos === "ADP" && PP_WORDS.has(t.lower)) {
      if (left && (left.pos === "NOUN" || left.pos === "PROPN") && isPlural(left)) return true;
      continue;
    }
    // "papers obtained by": a participle before its agent.
    if (t.pos === "VERB" && /ed$/.test(t.lower) && tokens[j + 1]?.lower === "by") {
      if (left && (left.pos === "NOUN" || left.pos === "PROPN") && isPlural(left)) return true;
      continue;
    }
    if (!(NP_LEFT.has(t.pos) || t.pos === "NUM" || t.lower === "'s" || t.lower === "’s")) return false;
  }
  return false;
}

/** The noun phrase ending at `j` opens right after a comma: ", department data show". */
function afterComma(tokens: Token[], j: number): boolean {
  for (let k = j; k >= 0 && j - k <= 8; k--) {
    const t = tokens[k];
    if (t.text === ",") return k < j;
    if (!(NP_LEFT.has(t.pos) || t.pos === "NUM" || t.text === "-" || t.text === "–" || t.lower === "'s")) return false;
  }
  return false;
}
