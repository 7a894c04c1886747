import { ROLES_THAT_REVIEW, ROLES_THAT_TAKE_CARDS_DOWN } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, route } from "@/lib/http";
import { issueCard, revokeCard } from "@/lib/transparency/manage-card";

export const dynamic = "force-dynamic";

/** A new public id for an approved article's card: those who approve publish. */
export const POST = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_REVIEW);
  return ok(await issueCard({ articleId: await idParam(context, "Article"), actorId: user.id }));
});

/** Takes the card down (its id then answers 404 for good): anyone on the desk may. */
export const DELETE = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_TAKE_CARDS_DOWN);
  return ok(await revokeCard({ articleId: await idParam(context, "Article"), actorId: user.id }));
});
