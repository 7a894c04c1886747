import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/find-user";
import { hashPassword } from "@/lib/auth/password";
import { forgettingCachedUsers } from "@/lib/auth/user-cache";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { userSelect } from "./present-user";
import type { UpdateUserInput } from "./schema";

/**
 * Locks every admin row, so two admins demoting each other at once cannot both see "another
 * admin remains" and leave the newsroom with none.
 */
async function lockAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'admin' ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

/**
 * Changes a user's role, name and/or password (admins only; the route checks). The last admin
 * cannot be demoted (409): nobody could manage users any more. A new password ends the user's
 * sessions and revokes their API tokens (unless `revokeTokens: false`), so a reset locks out
 * whoever knew the old password or minted a token with a stolen session. The audit event records
 * that the password changed and what ended, never the password or its hash.
 */
export async function updateUser(id: string, input: UpdateUserInput, actor: CurrentUser) {
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return forgettingCachedUsers(() =>
    db().$transaction(async (tx) => {
      const admins = input.role !== undefined && input.role !== "admin" ? await lockAdmins(tx) : null;
      const before = await tx.user.findUnique({ where: { id }, select: userSelect });
      if (!before) throw notFound("User");
      if (admins && before.role === "admin" && admins.filter((a) => a !== id).length === 0) {
        throw new AppError("conflict", "This is the last admin: make someone else an admin first");
      }
      const after = await tx.user.update({
        where: { id },
        data: { role: input.role, name: input.name, passwordHash },
        select: userSelect,
      });
      let sessionsEnded = 0;
      let tokensRevoked = 0;
      if (passwordHash) {
        sessionsEnded = (await tx.session.deleteMany({ where: { userId: id } })).count;
        if (input.revokeTokens !== false) {
          const revoked = await tx.apiToken.updateMany({
            where: { userId: id, revokedAt: null },
            data: { revokedAt: new Date() },
          });
          tokensRevoked = revoked.count;
        }
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "user",
        entityId: id,
        before: { name: before.name, role: before.role },
        after: {
          name: after.name,
          role: after.role,
          ...(passwordHash ? { passwordChanged: true, sessionsEnded, tokensRevoked } : {}),
        },
      });
      return passwordHash ? { ...after, sessionsEnded, tokensRevoked } : after;
    }),
  );
}
