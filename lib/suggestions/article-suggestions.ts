import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { runSuggestions } from "@/lib/workers/pool";
import { type LanguageSupport, languageSupport, type Suggestion } from "./engine";
import { mutualOverlap } from "./engine/evaluate/evaluate-suggestions";
import { withExistingSources } from "./match-existing-sources";
import { suggestionKey } from "./suggestion-key";

export type KeyedSuggestion = Suggestion & { key: string };

export interface ArticleSuggestions {
  body: string;
  language: LanguageSupport;
  suggestions: KeyedSuggestion[];
}

interface TaggedClaim {
  start: number;
  end: number;
  attributions: { cueStart: number | null; cueEnd: number | null }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * A suggestion is already tagged when an attributed claim overlaps its content by half of each and
 * one of its attributions has the suggestion's cue (or, typed without a cue, nearly its content). So
 * a nested attribution inside an accepted one's content (the demo's C4 inside C3, another cue) stays
 * open.
 */
const taggedBy = (claims: TaggedClaim[]) => (s: Suggestion) =>
  claims.some((c) => {
    const overlap = mutualOverlap(c, s.content);
    if (overlap < 0.5) return false;
    return c.attributions.some((a) =>
      a.cueStart !== null && a.cueEnd !== null && s.cue
        ? overlaps({ start: a.cueStart, end: a.cueEnd }, s.cue)
        : overlap >= 0.8,
    );
  });

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
      claims: {
        where: { orphaned: false, attributions: { some: {} } },
        select: { start: true, end: true, attributions: { select: { cueStart: true, cueEnd: true } } },
      },
      rejectedSuggestions: { select: { key: true } },
    },
  });
  if (!article) throw notFound("Article");
  const language = languageSupport(article.language);
  if (!language.supported) return { body: article.body, language, suggestions: [] };
  const rejected = new Set(article.rejectedSuggestions.map((r) => r.key));
  const tagged = taggedBy(article.claims);
  const proposed = await runSuggestions(article.body, { language: article.language, statements: article.statements });
  const open = proposed
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
  return { language: support, suggestions: await withExistingSources(await runSuggestions(text, { language }), null) };
}
