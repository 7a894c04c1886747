import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, route } from "@/lib/http";
import { rejectSuggestion } from "@/lib/suggestions/reject-suggestion";
import { suggestionKeySchema } from "@/lib/suggestions/schema";

export const dynamic = "force-dynamic";

export const POST = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const articleId = await idParam(context, "Article");
  const { key } = await parseJsonBody(request, suggestionKeySchema);
  return ok(await rejectSuggestion({ articleId, key, actorId: user.id }));
});
