import { ROLES_THAT_REVIEW, ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { deleteClaim, reviewClaim } from "@/lib/claims/change-claim";
import { reviewClaimSchema } from "@/lib/claims/schema";
import { type IdContext, idParam, ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";
import { deleteQuerySchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

/** Review status and comment: the one change reviewers make. */
export const PATCH = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_REVIEW);
  const id = await idParam(context, "Claim");
  return ok(await reviewClaim(id, await parseJsonBody(request, reviewClaimSchema), user.id));
});

/** `?version=N` makes the delete conditional on nobody having changed the claim since. */
export const DELETE = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Claim");
  // The audit event id lets the client offer "undo" (POST …/restore {auditEventId}).
  return ok(await deleteClaim(id, parseSearchParams(request, deleteQuerySchema).version, user.id));
});
