import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { authenticate, requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";
import { listSources } from "@/lib/sources/list-sources";
import { createSourceSchema, listSourcesSchema } from "@/lib/sources/schema";
import { createSource } from "@/lib/sources/write-source";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await authenticate(request);
  return ok(await listSources(parseSearchParams(request, listSourcesSchema)));
});

export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  return ok(await createSource(await parseJsonBody(request, createSourceSchema), user.id), 201);
});
