import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateUserInput } from "./schema";

/** Creates a user; the password is stored only as an scrypt hash. */
export async function createUser(input: CreateUserInput, actorId: string | null = null) {
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with the email ${input.email} already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: { id: true, email: true, name: true, role: true } });
    await recordAudit(tx, { actorId, action: "create", entity: "user", entityId: user.id, after: user });
    return user;
  });
}

/** A fresh API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(userId: string, name: string, actorId: string | null = null): Promise<string> {
  const token = generateSecret("sdt");
  await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, name, tokenHash: hashSecret(token) }, select: { id: true, userId: true, name: true, createdAt: true } });
    await recordAudit(tx, { actorId, action: "create", entity: "api_token", entityId: row.id, after: row });
  });
  return token;
}
