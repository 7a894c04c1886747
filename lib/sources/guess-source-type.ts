import type { SourceType } from "@/lib/generated/prisma/enums";
import {
  COUNTRIES,
  DOCUMENT_NOUNS,
  KNOWN_OUTLET_SET,
  NUMBER_WORDS,
  ORDINALS,
  ORG_NOUNS,
  OUTLET_NOUNS,
  PERSON_NOUNS,
} from "@/lib/suggestions/engine/languages/en/source-lexicon";

// The new-source form's first guess reads the suggestion engine's English word lists, so a descriptor is
// typed the same way whether the engine proposed it or the editor typed it.
const SINGULAR_OPENERS = new Set(["a", "an", "one", "another"]);
const GROUP_WORDS = new Set(["people", "staff"]);

/** A first guess at a source's type and head count from how the text names it; the editor corrects it. */
export function guessSource(descriptor: string): { type: SourceType; count: number | null } {
  const text = descriptor.trim();
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}.']+/u).filter(Boolean);
  const first = words[0] ?? "";
  const count = NUMBER_WORDS[first] ?? (/^\d+$/.test(first) ? Number(first) : null);
  const people = words.filter((w) => PERSON_NOUNS.has(w));
  const opensSingular = SINGULAR_OPENERS.has(first) || (first === "a" && ORDINALS.has(words[1] ?? ""));
  if (opensSingular && people.some((w) => !isPlural(w))) return { type: "anonymous_individual", count: 1 };
  const named = /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(text);
  if (!named && people.some(isPlural)) return { type: "anonymous_group", count };
  if (words.some((w) => DOCUMENT_NOUNS.has(w))) return { type: "document", count: null };
  if (words.some((w) => OUTLET_NOUNS.has(w)) || containsAny(lower, KNOWN_OUTLET_SET))
    return { type: "media_outlet", count: null };
  if (words.some((w) => ORG_NOUNS.has(w)) || containsAny(lower, Object.keys(COUNTRIES)))
    return { type: "organization", count: null };
  return { type: "person", count: null };
}

/** "officials", "witnesses", "people": the lexicon lists both forms, so a plural is a listed singular plus -s/-es. */
function isPlural(word: string): boolean {
  if (GROUP_WORDS.has(word)) return true;
  return word.endsWith("s") && (PERSON_NOUNS.has(word.slice(0, -1)) || PERSON_NOUNS.has(word.slice(0, -2)));
}

/** Whether `text` holds one of the phrases as whole words. */
function containsAny(text: string, phrases: Iterable<string>): boolean {
  const padded = ` ${text.replace(/[^\p{L}\p{N}.']+/gu, " ")} `;
  for (const phrase of phrases) if (padded.includes(` ${phrase} `)) return true;
  return false;
}
