import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { tokenSelect, userSelect } from "./present-user";

/** Every user, admins first then by email: a newsroom has tens of accounts, not thousands. */
export async function listUsers() {
  return db().user.findMany({ select: userSelect, orderBy: [{ role: "asc" }, { email: "asc" }] });
}

/** For the admin page: each user with their tokens (never the token or its hash), newest first. */
export async function listUsersWithTokens() {
  return db().user.findMany({
    select: { ...userSelect, apiTokens: { select: tokenSelect, orderBy: { createdAt: "desc" } } },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export async function findUserOrThrow(id: string) {
  const user = await db().user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw notFound("User");
  return user;
}
