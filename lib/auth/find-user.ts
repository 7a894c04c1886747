import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { readRows } from "@/lib/pg-pool";
import { hashSecret } from "./secret-token";
import { cachedIdentity } from "./user-cache";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

// Every request starts here: one round trip on node-postgres (lib/pg-pool.ts), not Prisma's
// relation query, which cost a few milliseconds of the explorer's ~10 ms pages — and most of the
// time not even that: the answer is cached until something about it changes (./user-cache.ts).
const USER = `u.id, u.email, u.name, CAST(u.role AS text) AS role`;
const currentUser = ({ id, email, name, role }: CurrentUser): CurrentUser => ({ id, email, name, role });

export async function findUserBySession(token: string | undefined): Promise<CurrentUser | null> {
  if (!token) return null;
  const id = hashSecret(token);
  const user = await cachedIdentity(`session:${id}`, async () => {
    const [row] = await readRows<CurrentUser & { expiresAt: Date }>({
      text: `SELECT ${USER}, s."expiresAt" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1 AND s."expiresAt" >= $2`,
      values: [id, new Date().toISOString().slice(0, -1)],
    });
    return row ? { value: currentUser(row), expiresAt: row.expiresAt.getTime() } : null;
  });
  return user && currentUser(user);
}

interface TokenIdentity {
  user: CurrentUser;
  tokenId: string;
  lastUsedAt: Date | null;
}

export async function findUserByApiToken(token: string): Promise<CurrentUser | null> {
  const hash = hashSecret(token);
  const found = await cachedIdentity<TokenIdentity>(`token:${hash}`, async () => {
    const [row] = await readRows<CurrentUser & { tokenId: string; revokedAt: Date | null; lastUsedAt: Date | null }>({
      text: `SELECT ${USER}, t.id AS "tokenId", t."revokedAt", t."lastUsedAt" FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."tokenHash" = $1`,
      values: [hash],
    });
    if (!row || row.revokedAt) return null;
    return { value: { user: currentUser(row), tokenId: row.tokenId, lastUsedAt: row.lastUsedAt } };
  });
  if (!found) return null;
  // Touch lastUsedAt at most once a minute so reads do not become writes (the cached entry
  // remembers the touch; the touch itself notifies nobody).
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    found.lastUsedAt = new Date();
    await db().apiToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: found.lastUsedAt } });
  }
  return currentUser(found.user);
}
