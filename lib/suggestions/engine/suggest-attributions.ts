/**
 * The attribution-suggestion engine: proposes who said what in a text, as spans into it. Pure and
 * synchronous (a worker pool can wrap it): tag the text with the language's NLP layer, find cues and
 * apply their frames sentence by sentence, relate nested and second-hand claims, add quote
 * continuations, then name and resolve each source. A language the engine cannot read yields no
 * suggestions; `languageSupport` says which, and why.
 */
import { analyze } from "./analysis";
import { extractClaims } from "./extract/extract-claims";
import { findLanguage } from "./languages";
import { nameSources } from "./sources/name-sources";
import type { Suggestion, SuggestOptions } from "./types";

export function suggestAttributions(text: string, options: SuggestOptions = {}): Suggestion[] {
  const lang = findLanguage(options.language);
  if (!lang || !text.trim()) return [];
  const a = analyze(text, lang, options.statements);
  return nameSources(a, extractClaims(a), options.knownSources ?? []);
}
