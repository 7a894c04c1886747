import { restoreClaimSchema } from "@/lib/audit/schema";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { restoreClaim } from "@/lib/claims/restore-claim";
import { ok, parseJsonBody, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Undo of a claim deletion: `{claimId}` (latest deletion of that claim) or `{auditEventId}` of a "delete claim" event. */
export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  return ok(await restoreClaim(await parseJsonBody(request, restoreClaimSchema), user.id), 201);
});
