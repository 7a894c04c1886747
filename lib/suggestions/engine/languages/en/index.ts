import type { LanguageAdapter } from "../../language";
import { tagEnglish } from "../../nlp/wink-tagger";
import { CUE_LEXICON, WEAK_LEMMAS } from "./cue-lexicon";
import { GRAMMAR } from "./grammar";
import { NAME_PARTICLES } from "./name-particles";
import { retagEnglish } from "./retag";
import { DOCUMENT_NOUNS, KNOWN_OUTLET_SET, OUTLET_NOUNS, STATE_ABBREVIATIONS, TITLES } from "./source-lexicon";

export const english: LanguageAdapter = {
  code: "en",
  name: "English",
  tag: (text) => retagEnglish(tagEnglish(text)),
  cues: CUE_LEXICON,
  weakCues: WEAK_LEMMAS,
  grammar: GRAMMAR,
  isPlaceAbbreviation: (tokens, first, last) => {
    const words = tokens.slice(first, last + 1).filter((t) => t.text !== ".");
    return words.length === 1 && STATE_ABBREVIATIONS.has(words[0].lower.replace(/\.$/, "")) && words[0].isCap;
  },
  isNameParticle: (lower) => NAME_PARTICLES.has(lower),
  isTitle: (lower) => TITLES.has(lower.replace(/\.$/, "")),
  isOutletNoun: (lower) => OUTLET_NOUNS.has(lower),
  isKnownOutlet: (name) => KNOWN_OUTLET_SET.has(name.toLowerCase().replace(/^the\s+/, "")),
  // Plurals too: "Polls show", "Court filings indicate", "surveys find".
  isDocumentNoun: (lower) =>
    DOCUMENT_NOUNS.has(lower) ||
    (lower.endsWith("s") && (DOCUMENT_NOUNS.has(lower.slice(0, -1)) || DOCUMENT_NOUNS.has(lower.replace(/ies$/, "y")))),
};
