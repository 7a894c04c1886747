import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { authenticate, requireRole } from "@/lib/auth/require-user";
import { createClaim } from "@/lib/claims/create-claim";
import { findClaims } from "@/lib/claims/find-claims";
import { createClaimSchema, findClaimsSchema } from "@/lib/claims/schema";
import { ok, parseJsonBody, parseSearchParams, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await authenticate(request);
  return ok(await findClaims(parseSearchParams(request, findClaimsSchema)));
});

export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  return ok(await createClaim(await parseJsonBody(request, createClaimSchema), user.id), 201);
});
