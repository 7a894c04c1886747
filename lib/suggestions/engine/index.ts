export { type LanguageSupport, languageSupport, supportedLanguages } from "./languages";
export { suggestAttributions } from "./suggest-attributions";
export type * from "./types";
