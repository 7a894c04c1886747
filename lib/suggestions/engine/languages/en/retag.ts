/**
 * Repairs the lite model's tags where news prose trips it, before any rule reads them: a reporting
 * verb after a plural or mass subject read as a noun ("Data show …", "Polls show …", "businesses plan
 * to …"), a participle after have/has/had read as an adjective ("have informed"), and a noun modifier
 * after "according to" read as a verb ("according to state data").
 */
import type { Token } from "../../nlp/token";
import { CUE_LEXICON, IRREGULAR_FORMS, MULTIWORD_HEADS } from "./cue-lexicon";

const CLAUSE_OPENERS = new Set(["DET", "NUM", "PRON", "PROPN", "ADJ", "NOUN"]);
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
    // `"…," fumed Ligia Moran`: a reporting word right after a closing quotation is its verb.
    // (Also with the speaker between: `"…," Hale fumed.`, `"…," Kovacs shot back.`)
    const closing = (k: number) =>
      /^(["”»’]|''|')$/.test(tokens[k]?.text ?? "") && /^[,?!]$/.test(tokens[k - 1]?.text ?? "");
    const afterQuote =
      closing(i - 1) ||
      (closing(i - 2) &&
        (prev.pos === "PROPN" || prev.pos === "PRON") &&
        (!next?.isWord || /^(back|out)$/.test(next.lower)));
    if (afterQuote && !t.isCap && (cueLemma(t) || cueLemma({ ...t, lemma: t.lower.replace(/d$/, "") }))) {
      t.pos = "VERB";
      if (!CUE_LEXICON.has(t.lemma))
        t.lemma = CUE_LEXICON.has(t.lower.replace(/d$/, "")) ? t.lower.replace(/d$/, "") : t.lower.replace(/ed$/, "");
      continue;
    }
    if (t.pos === "NOUN" && !t.isCap && !/ing$/.test(t.lower) && cueLemma(t) && next) {
      // A plural or mass subject ("Data show", "Polls show"), never a compound's first noun
      // ("customer support requests", "interest rates").
      const plural = /[^s]s$/.test(prev.lower) || MASS_SUBJECTS.has(prev.lower);
      const subject =
        (prev.pos === "NOUN" && plural) || prev.pos === "PROPN" || (prev.pos === "PRON" && prev.lower !== "its");
      const opens =
        next.lower === "that" ||
        (next.lower === "to" && tokens[i + 2]?.pos === "VERB") ||
        /^(back|out)$/.test(next.lower) ||
        /^(at|more|nearly|about|almost|roughly|only|just|fewer|less|over)$/.test(next.lower) ||
        (CLAUSE_OPENERS.has(next.pos) && next.lower !== "of");
      if (subject && opens && prev.lower !== "'s") t.pos = "VERB";
    } else if (t.pos === "ADJ" && /ed$/.test(t.lower) && /^(has|have|had)$/.test(prev.lower)) t.pos = "VERB";
    else if (t.pos === "VERB" && prev.lower === "to" && tokens[i - 2]?.lower === "according") t.pos = "NOUN";
  }
  return tokens;
}
