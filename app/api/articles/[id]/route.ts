import { deleteArticle } from "@/lib/articles/delete-article";
import { findArticle } from "@/lib/articles/find-article";
import { updateArticleSchema } from "@/lib/articles/schema";
import { updateArticle } from "@/lib/articles/update-article";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { authenticate, requireRole } from "@/lib/auth/require-user";
import { notFound } from "@/lib/errors";
import { type IdContext, idParam, ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";
import { deleteQuerySchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  const article = await findArticle(await idParam(context, "Article"));
  if (!article) throw notFound("Article");
  return ok(article);
});

/** Metadata and/or text on top of `version`; a new text re-anchors every claim (see update-article.ts). */
export const PATCH = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Article");
  return ok(await updateArticle(id, await parseJsonBody(request, updateArticleSchema), user.id));
});

/** `?version=N` makes the delete conditional on nobody having changed the article since. */
export const DELETE = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Article");
  await deleteArticle(id, parseSearchParams(request, deleteQuerySchema).version, user.id);
  return new Response(null, { status: 204 });
});
