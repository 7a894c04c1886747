import { z } from "zod";
import { ROLES_THAT_REVIEW, ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { assertRole, authenticate, requireRole } from "@/lib/auth/require-user";
import { deleteClaim, reviewClaim } from "@/lib/claims/change-claim";
import { claimPatchSchema, reviewClaimSchema, updateClaimSpanSchema } from "@/lib/claims/schema";
import { updateClaimSpan } from "@/lib/claims/update-claim-span";
import { type IdContext, idParam, ok, parseJsonBody, parseSearchParams, parseWith, route } from "@/lib/http";
import { deleteQuerySchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

/** A review (reviewers) or a new span (editors): the body's fields say which, and so who may send it. */
export const PATCH = route(async (request, context: IdContext) => {
  const user = await authenticate(request);
  const id = await idParam(context, "Claim");
  const body = await parseJsonBody(request, z.unknown());
  const schema = claimPatchSchema(body);
  if (schema === updateClaimSpanSchema) {
    assertRole(user, ROLES_THAT_WRITE);
    return ok(await updateClaimSpan(id, parseWith(updateClaimSpanSchema, body), user.id));
  }
  assertRole(user, ROLES_THAT_REVIEW);
  return ok(await reviewClaim(id, parseWith(reviewClaimSchema, body), user.id));
});

/** `?version=N` makes the delete conditional on nobody having changed the claim since. */
export const DELETE = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Claim");
  // The audit event id lets the client offer "undo" (POST …/restore {auditEventId}).
  return ok(await deleteClaim(id, parseSearchParams(request, deleteQuerySchema).version, user.id));
});
