import { cookies } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { authenticate, rejectForeignOrigin } from "@/lib/auth/require-user";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { signIn, signInSchema } from "@/lib/auth/sign-in";
import { ok, parseJsonBody, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Sign in with email and password; sets the session cookie (same origin only: no login CSRF). */
export const POST = route(async (request) => {
  rejectForeignOrigin(request);
  const input = await parseJsonBody(request, signInSchema);
  const { user, token, expiresAt } = await signIn(input, clientAddress());
  (await cookies()).set(SESSION_COOKIE, token, sessionCookie(expiresAt));
  return ok({ user });
});

export const GET = route(async (request) => ok({ user: await authenticate(request) }));

export const DELETE = route(async () => {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(token);
  jar.delete(SESSION_COOKIE);
  return new Response(null, { status: 204 });
});
