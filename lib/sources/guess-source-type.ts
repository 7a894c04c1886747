import type { SourceType } from "@/lib/generated/prisma/enums";

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  twenty: 20,
};
const PLURAL_PEOPLE =
  /\b(officials|sources|people|diplomats|officers|aides|advisers|advisors|lawmakers|residents|witnesses|analysts|experts|insiders|members|staff|employees)\b/i;
const SINGLE_ANONYMOUS =
  /^(an?|one|another|a (second|third|fourth|fifth|senior|former))\b.*\b(official|source|diplomat|officer|aide|adviser|advisor|person|insider|member|employee|resident|witness)\b/i;
const OUTLET =
  /\b(newspaper|times|post|journal|news|agency|tv|television|radio|broadcaster|politico|reuters|bloomberg|guardian|bbc|cnn|al jazeera|associated press|afp|axios|gazette|tribune|herald)\b/i;
const DOCUMENT =
  /\b(report|statement|document|memo|letter|filing|study|survey|transcript|email|press release|court papers|indictment)\b/i;
const ORGANIZATION =
  /\b(ministry|army|government|department|office|agency|council|commission|committee|company|bank|police|military|forces|united states|united nations|white house|pentagon|kremlin|university|hospital|party|union|authority|administration)\b/i;

/** A first guess at a source's type and head count from how the text names it; the editor corrects it. */
export function guessSource(descriptor: string): { type: SourceType; count: number | null } {
  const text = descriptor.trim();
  const first = text.toLowerCase().split(/\s+/)[0] ?? "";
  const count = NUMBER_WORDS[first] ?? (/^\d+$/.test(first) ? Number(first) : null);
  if (SINGLE_ANONYMOUS.test(text)) return { type: "anonymous_individual", count: 1 };
  if (PLURAL_PEOPLE.test(text) && !/^[A-Z][a-z]+ [A-Z][a-z]+$/.test(text)) return { type: "anonymous_group", count };
  if (DOCUMENT.test(text)) return { type: "document", count: null };
  if (OUTLET.test(text)) return { type: "media_outlet", count: null };
  if (ORGANIZATION.test(text)) return { type: "organization", count: null };
  return { type: "person", count: null };
}
