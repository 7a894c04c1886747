import { db } from "@/lib/db";
import { generateSecret, hashSecret } from "./secret-token";
import { forgettingCachedUsers } from "./user-cache";

export const SESSION_COOKIE = "sd_session";
export const SESSION_DAYS = 14;

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSecret("sds");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db().session.create({ data: { id: hashSecret(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function deleteSession(token: string): Promise<void> {
  await forgettingCachedUsers(() => db().session.deleteMany({ where: { id: hashSecret(token) } }));
}
