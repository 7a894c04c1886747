import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret } from "./secret-token";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const userFields = { id: true, email: true, name: true, role: true } as const;

export async function findUserBySession(token: string | undefined): Promise<CurrentUser | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { id: hashSecret(token) },
    select: { expiresAt: true, user: { select: userFields } },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export async function findUserByApiToken(token: string): Promise<CurrentUser | null> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userFields } },
  });
  if (!row || row.revokedAt) return null;
  // Touch lastUsedAt at most once a minute so reads do not become writes.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
