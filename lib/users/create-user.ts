import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueApiToken } from "./api-tokens";
import { userSelect } from "./present-user";
import type { CreateUserInput } from "./schema";

/** Creates a user; the password is stored only as an scrypt hash, and never answered or audited. */
export async function createUser(input: CreateUserInput, actorId: string | null = null) {
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with the email ${input.email} already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: userSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "create",
      entity: "user",
      entityId: user.id,
      after: { id: user.id, email: user.email, name: user.name, role: user.role },
    });
    return user;
  });
}

/** A fresh API token for scripts and tests; the secret is returned once and only its hash is kept. */
export async function createApiToken(userId: string, name: string, actorId: string | null = null): Promise<string> {
  return (await issueApiToken(userId, name, actorId)).token;
}
