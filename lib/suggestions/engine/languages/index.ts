/**
 * The languages the engine reads, by primary subtag. A text in any other language gets no suggestions
 * and an explicit answer saying so ("No suggestions for Arabic yet"), never an empty list that looks
 * like "nothing to attribute". Undetermined or missing languages are read as English, the newsroom's
 * default, since the detector abstains on short texts.
 */
import type { LanguageAdapter } from "../language";
import { english } from "./en";

const LANGUAGES = new Map<string, LanguageAdapter>([["en", english]]);
const UNDETERMINED = new Set(["", "und", "zxx", "mul"]);

export interface LanguageSupport {
  /** The primary subtag asked for ("ar"), "en" when none was given. */
  code: string;
  /** Its English name ("Arabic"). */
  name: string;
  supported: boolean;
  /** Why nothing is suggested, for unsupported languages. */
  message: string | null;
}

const primary = (language: string | null | undefined) => (language ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";

export function findLanguage(language: string | null | undefined): LanguageAdapter | null {
  const code = primary(language);
  return LANGUAGES.get(UNDETERMINED.has(code) ? "en" : code) ?? null;
}

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageSupport(language: string | null | undefined): LanguageSupport {
  const raw = primary(language);
  const code = UNDETERMINED.has(raw) ? "en" : raw;
  const adapter = LANGUAGES.get(code);
  if (adapter) return { code, name: adapter.name, supported: true, message: null };
  const name = languageName(code);
  return { code, name, supported: false, message: `No suggestions for ${name} yet` };
}

export const supportedLanguages = () => [...LANGUAGES.values()].map((l) => ({ code: l.code, name: l.name }));
