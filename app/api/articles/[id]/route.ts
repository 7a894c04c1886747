import { findArticle } from "@/lib/articles/find-article";
import { authenticate } from "@/lib/auth/require-user";
import { notFound } from "@/lib/errors";
import { idParam, ok, route, type IdContext } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  const article = await findArticle(await idParam(context, "Article"));
  if (!article) throw notFound("Article");
  return ok(article);
});
