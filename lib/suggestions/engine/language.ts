/**
 * A language the engine can read: a tagger (tokens, parts of speech, lemmas) and its word lists. The
 * rules are written for languages that order subject, verb and content the way English does; adding
 * one means a tagger and the data in `languages/<code>/`, registered in `languages/index.ts`.
 */
import type { CueEntry } from "./languages/en/cue-lexicon";
import type { Grammar } from "./languages/en/grammar";
import type { Token } from "./nlp/token";

export interface LanguageAdapter {
  /** Primary BCP 47 subtag, "en". */
  code: string;
  name: string;
  tag(text: string): Token[];
  cues: Map<string, CueEntry[]>;
  weakCues: Set<string>;
  grammar: Grammar;
  /** "Del.", "Md.", "Calif.": a place written after a hometown, never a name. */
  isPlaceAbbreviation(tokens: Token[], first: number, last: number): boolean;
  isNameParticle(lower: string): boolean;
  /** "judge", "sen", "mr": a title written before a person's name. */
  isTitle(lower: string): boolean;
  isOutletNoun(lower: string): boolean;
  isKnownOutlet(name: string): boolean;
  isDocumentNoun(lower: string): boolean;
}
