import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseJsonBody, route } from "@/lib/http";
import { issueApiToken, listUserTokens, requireTokenOwner } from "@/lib/users/api-tokens";
import { createTokenSchema } from "@/lib/users/schema";

export const dynamic = "force-dynamic";

/** A user's tokens without secrets; admins see anyone's, everyone else only their own (403). */
export const GET = route(async (request, context: IdContext) => {
  const actor = await authenticate(request);
  return ok(await listUserTokens(await idParam(context, "User"), actor));
});

/** 201 `{id, name, token, createdAt}`: the only time the token is ever shown. */
export const POST = route(async (request, context: IdContext) => {
  const actor = await authenticate(request);
  const userId = await idParam(context, "User");
  await requireTokenOwner(userId, actor);
  const { name } = await parseJsonBody(request, createTokenSchema);
  return ok(await issueApiToken(userId, name, actor.id), 201);
});
