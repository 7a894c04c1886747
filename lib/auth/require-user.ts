import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { findUserByApiToken, findUserBySession, type CurrentUser } from "./find-user";
import { SESSION_COOKIE } from "./sessions";

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The signed-in user of an API request: a Bearer token, else the session cookie. */
export async function authenticate(request: Request): Promise<CurrentUser> {
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const user = bearer
    ? await findUserByApiToken(bearer)
    : await findUserBySession(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
  if (!user) throw new AppError("unauthenticated", authorization ? "The API token is invalid or revoked" : "Sign in first");
  return user;
}

/** 401 when nobody is signed in, 403 when the signed-in role may not do this. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await authenticate(request);
  if (!roles.includes(user.role)) {
    throw new AppError("forbidden", `This needs one of the roles ${roles.join(", ")}; you are ${user.role}`);
  }
  return user;
}
