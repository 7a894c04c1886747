import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { runSuggestions } from "@/lib/workers/pool";
import { withExistingSources } from "./match-existing-sources";
import { suggestionKey } from "./suggestion-key";
import type { Suggestion } from "./types";

export type KeyedSuggestion = Suggestion & { key: string };

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * The suggestions still open for an article: the engine's proposals minus those an editor
 * rejected and those already covered by an attributed claim (half or more of the content).
 */
export async function findArticleSuggestions(
  articleId: string,
): Promise<{ body: string; suggestions: KeyedSuggestion[] }> {
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
  const rejected = new Set(article.rejectedSuggestions.map((r) => r.key));
  const proposed = await runSuggestions(article.body, { language: article.language, statements: article.statements });
  const open = proposed
    .map((s) => ({ ...s, key: suggestionKey(article.body, s) }))
    .filter((s) => !rejected.has(s.key))
    .filter((s) => !article.claims.some((c) => overlap(c, s.content) * 2 >= s.content.end - s.content.start));
  return { body: article.body, suggestions: (await withExistingSources(open, articleId)) as KeyedSuggestion[] };
}

/** Suggestions for free text (POST /api/suggestions); named sources are matched workspace-wide. */
export async function suggestForText(text: string, language?: string): Promise<Suggestion[]> {
  return withExistingSources(await runSuggestions(text, { language }), null);
}
