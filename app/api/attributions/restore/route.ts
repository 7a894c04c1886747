import { restoreAttribution } from "@/lib/attributions/restore-attribution";
import { restoreAttributionSchema } from "@/lib/audit/schema";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Undo of an attribution deletion: `{attributionId}` (latest deletion) or `{auditEventId}` of a "delete attribution" event. */
export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  return ok(await restoreAttribution(await parseJsonBody(request, restoreAttributionSchema), user.id), 201);
});
