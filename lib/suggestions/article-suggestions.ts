import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type LanguageSupport, languageSupport, type Suggestion, suggestAttributions } from "./engine";
import { mutualOverlap } from "./engine/evaluate/evaluate-suggestions";
import { withExistingSources } from "./match-existing-sources";
import { suggestionKey } from "./suggestion-key";

export type KeyedSuggestion = Suggestion & { key: string };

export interface ArticleSuggestions {
  body: string;
  language: LanguageSupport;
  suggestions: KeyedSuggestion[];
}

/**
 * A suggestion is already tagged when an attributed claim overlaps its content by half of each: a
 * nested attribution inside an accepted one's content (the demo's C4 inside C3) stays open.
 */
const taggedBy = (claims: { start: number; end: number }[]) => (s: Suggestion) =>
  claims.some((c) => mutualOverlap(c, s.content) >= 0.5);

/**
 * The suggestions still open for an article: the engine's proposals minus those an editor rejected
 * and those already tagged. For a language the engine cannot read, none, and `language` says so.
 */
export async function findArticleSuggestions({ articleId }: { articleId: string }): Promise<ArticleSuggestions> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      body: true,
      language: true,
      statements: { select: { start: true, end: true, kind: true }, orderBy: { ordinal: "asc" } },
      claims: { where: { orphaned: false, attributions: { some: {} } }, select: { start: true, end: true } },
      rejectedSuggestions: { select: { key: true } },
    },
  });
  if (!article) throw notFound("Article");
  const language = languageSupport(article.language);
  if (!language.supported) return { body: article.body, language, suggestions: [] };
  const rejected = new Set(article.rejectedSuggestions.map((r) => r.key));
  const tagged = taggedBy(article.claims);
  const open = suggestAttributions(article.body, { language: article.language, statements: article.statements })
    .map((s) => ({ ...s, key: suggestionKey(article.body, s) }))
    .filter((s) => !rejected.has(s.key) && !tagged(s));
  return { body: article.body, language, suggestions: await withExistingSources(open, articleId) };
}

/** Suggestions for free text (POST /api/suggestions); named sources are matched workspace-wide. */
export async function suggestForText({
  text,
  language,
}: {
  text: string;
  language?: string | null;
}): Promise<{ language: LanguageSupport; suggestions: Suggestion[] }> {
  const support = languageSupport(language);
  if (!support.supported) return { language: support, suggestions: [] };
  return { language: support, suggestions: await withExistingSources(suggestAttributions(text, { language }), null) };
}
