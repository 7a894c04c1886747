import { ROLES_THAT_ADMINISTER } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, route } from "@/lib/http";
import { updateUserSchema } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

/** Role, name or password (admins only); demoting the last admin is 409. */
export const PATCH = route(async (request, context: IdContext) => {
  const actor = await requireRole(request, ROLES_THAT_ADMINISTER);
  const id = await idParam(context, "User");
  return ok(await updateUser(id, await parseJsonBody(request, updateUserSchema), actor));
});
