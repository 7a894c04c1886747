import { createArticle } from "@/lib/articles/create-article";
import { listArticles } from "@/lib/articles/list-articles";
import { createArticleSchema, listArticlesSchema } from "@/lib/articles/schema";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { authenticate, requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await authenticate(request);
  return ok(await listArticles(parseSearchParams(request, listArticlesSchema)));
});

export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const input = await parseJsonBody(request, createArticleSchema);
  return ok(await createArticle(input, user.id), 201);
});
