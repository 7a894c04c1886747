import { ROLES_THAT_ADMINISTER } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, route } from "@/lib/http";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserSchema } from "@/lib/users/schema";

export const dynamic = "force-dynamic";

/** Admins only: the list names everyone with access to the sourcing records. */
export const GET = route(async (request) => {
  await requireRole(request, ROLES_THAT_ADMINISTER);
  return ok({ items: await listUsers() });
});

export const POST = route(async (request) => {
  const actor = await requireRole(request, ROLES_THAT_ADMINISTER);
  return ok(await createUser(await parseJsonBody(request, createUserSchema), actor.id), 201);
});
