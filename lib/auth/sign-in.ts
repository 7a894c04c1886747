import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "./find-user";
import { hashPassword, verifyPassword } from "./password";
import { FailureLimiter } from "./rate-limit";
import { createSession } from "./sessions";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter an email address" })),
  password: z.string().min(1, "Enter your password").max(1000),
});
export type SignInInput = z.infer<typeof signInSchema>;

const perAccount = new FailureLimiter(10, 15 * 60_000);
const perAddress = new FailureLimiter(50, 15 * 60_000);
// Verifying against a real hash when the account does not exist keeps timing from revealing which emails exist.
const decoyHash = hashPassword("decoy password");

export async function signIn(
  input: SignInInput,
  address: string,
): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
  if (perAccount.isBlocked(input.email) || perAddress.isBlocked(address)) {
    throw new AppError("rate_limited", "Too many failed sign-ins; wait a few minutes and try again");
  }
  const user = await db().user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid) {
    perAccount.recordFailure(input.email);
    perAddress.recordFailure(address);
    throw new AppError("unauthenticated", "The email or password is wrong");
  }
  perAccount.reset(input.email);
  const session = await createSession(user.id);
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...session };
}
