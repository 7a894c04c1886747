import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, route } from "@/lib/http";
import { findArticleSuggestions } from "@/lib/suggestions/article-suggestions";

export const dynamic = "force-dynamic";

/**
 * The article's open suggestions (rejected and already-tagged ones left out), each with its `key`,
 * and `language`: whether the engine reads the article's language (`message` says when it does not).
 */
export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  const { language, suggestions } = await findArticleSuggestions({ articleId: await idParam(context, "Article") });
  return ok({ suggestions, language });
});
