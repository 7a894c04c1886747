import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, route } from "@/lib/http";
import { revokeApiToken } from "@/lib/users/api-tokens";

export const dynamic = "force-dynamic";

/** Revokes (sets revokedAt, keeps the row for the record): admins any token, users their own. */
export const DELETE = route(async (request, context: IdContext) => {
  const actor = await authenticate(request);
  return ok(await revokeApiToken(await idParam(context, "API token"), actor));
});
