import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/find-user";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { forgettingCachedUsers } from "@/lib/auth/user-cache";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { tokenSelect } from "./present-user";

/**
 * Admins manage everyone's tokens; every user manages their own (a reviewer scripting exports
 * needs no admin to mint or revoke one). Other users and their tokens are not readable to a
 * non-admin, so for them anything not their own is 403 whether it exists or not (checked before any
 * look-up, or with the same answer for a missing row): a 404 would tell which ids exist.
 */
function checkTokenOwner(actor: CurrentUser, ownerId: string | undefined) {
  if (actor.role !== "admin" && actor.id !== ownerId) {
    throw new AppError("forbidden", "Only admins manage other people's API tokens");
  }
}

/** 403 unless the actor is that user or an admin, then 404 for an unknown user (only admins see it). */
export async function requireTokenOwner(userId: string, actor: CurrentUser) {
  checkTokenOwner(actor, userId);
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound("User");
}

const present = ({
  userId: _userId,
  ...token
}: {
  userId: string;
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) => token;

/** A fresh token: the secret is in this answer once; only its SHA-256 is stored. */
export async function issueApiToken(userId: string, name: string, actorId: string | null) {
  const token = generateSecret("sdt");
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashSecret(token) },
      select: { id: true, userId: true, name: true, createdAt: true },
    });
    await recordAudit(tx, { actorId, action: "create", entity: "api_token", entityId: created.id, after: created });
    return created;
  });
  return { id: row.id, name: row.name, token, createdAt: row.createdAt };
}

export async function listUserTokens(userId: string, actor: CurrentUser) {
  await requireTokenOwner(userId, actor);
  const rows = await db().apiToken.findMany({
    where: { userId },
    select: tokenSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return { items: rows.map(present) };
}

/** Sets revokedAt; revoking a revoked token changes nothing and answers the token as it is. */
export async function revokeApiToken(id: string, actor: CurrentUser) {
  return forgettingCachedUsers(async () =>
    db().$transaction(async (tx) => {
      const token = await tx.apiToken.findUnique({ where: { id }, select: tokenSelect });
      checkTokenOwner(actor, token?.userId);
      if (!token) throw notFound("API token");
      if (token.revokedAt) return present(token);
      // Guarded on revokedAt: of two simultaneous revokes only one writes (and audits).
      const { count } = await tx.apiToken.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const revoked = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: tokenSelect });
      if (count === 0) return present(revoked);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "api_token",
        entityId: id,
        before: { userId: token.userId, name: token.name, revokedAt: null },
        after: { userId: token.userId, name: token.name, revokedAt: revoked.revokedAt },
      });
      return present(revoked);
    }),
  );
}
