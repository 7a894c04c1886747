import { updateAttributionSchema } from "@/lib/attributions/schema";
import { deleteAttribution, updateAttribution } from "@/lib/attributions/write-attribution";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";
import { deleteQuerySchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export const PATCH = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Attribution");
  return ok(await updateAttribution(id, await parseJsonBody(request, updateAttributionSchema), user.id));
});

export const DELETE = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Attribution");
  // The audit event id lets the client offer "undo" (POST …/restore {auditEventId}).
  return ok(await deleteAttribution(id, parseSearchParams(request, deleteQuerySchema).version, user.id));
});
