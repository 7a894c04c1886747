import { changeArticleStatus } from "@/lib/articles/change-status";
import { changeStatusSchema } from "@/lib/articles/schema";
import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Who may make which move depends on the move (article-status.ts), so any signed-in role may ask. */
export const POST = route(async (request, context: IdContext) => {
  const user = await authenticate(request);
  const id = await idParam(context, "Article");
  return ok(await changeArticleStatus(id, await parseJsonBody(request, changeStatusSchema), user));
});
