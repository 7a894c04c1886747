import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestHost } from "@/lib/public-origin";
import { type CurrentUser, findUserByApiToken, findUserBySession } from "./find-user";
import { SESSION_COOKIE } from "./sessions";

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined; // a malformed %-escape is no session (it used to throw URIError: a 500)
    }
  }
  return undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for cookie-authenticated writes (and sign-in): browsers send `Origin` on every
 * cross-origin POST/PATCH/DELETE, so one naming another host (or "null") is refused with 403.
 * SameSite=Lax already keeps the cookie off cross-site posts; this also covers same-site
 * neighbours (another subdomain). No Origin means a non-browser client: allowed.
 */
export function rejectForeignOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  // The host the request was addressed to, as Next's own server-action check reads it.
  if (originHost !== requestHost(request.headers, new URL(request.url).host)) {
    throw new AppError("forbidden", "Cross-origin requests may not use the session cookie; use an API token");
  }
}

/** The signed-in user of an API request: a Bearer token, else the session cookie (same origin only for writes). */
export async function authenticate(request: Request): Promise<CurrentUser> {
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const user = bearer
    ? await findUserByApiToken(bearer)
    : await findUserBySession(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
  if (!user)
    throw new AppError("unauthenticated", authorization ? "The API token is invalid or revoked" : "Sign in first");
  // A token is never sent by a browser on its own, so only cookie calls can be forged cross-site.
  if (!bearer) rejectForeignOrigin(request);
  return user;
}

/** 401 when nobody is signed in, 403 when the signed-in role may not do this. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await authenticate(request);
  assertRole(user, roles);
  return user;
}

/** 403 unless the (already authenticated) user has one of `roles`: for routes whose rule depends on the body. */
export function assertRole(user: CurrentUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) {
    throw new AppError("forbidden", `This needs one of the roles ${roles.join(", ")}; you are ${user.role}`);
  }
}
