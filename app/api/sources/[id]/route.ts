import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { authenticate, requireRole } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, route } from "@/lib/http";
import { findSource } from "@/lib/sources/list-sources";
import { updateSourceSchema } from "@/lib/sources/schema";
import { updateSource } from "@/lib/sources/write-source";

export const dynamic = "force-dynamic";

export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  return ok(await findSource(await idParam(context, "Source")));
});

export const PATCH = route(async (request, context: IdContext) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const id = await idParam(context, "Source");
  return ok(await updateSource(id, await parseJsonBody(request, updateSourceSchema), user.id));
});
