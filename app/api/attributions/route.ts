import { createAttributionSchema } from "@/lib/attributions/schema";
import { createAttribution } from "@/lib/attributions/write-attribution";
import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  return ok(await createAttribution(await parseJsonBody(request, createAttributionSchema), user.id), 201);
});
