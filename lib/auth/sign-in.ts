import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "./find-user";
import { hashPassword, verifyPassword } from "./password";
import {
  accountDelayMs,
  countAttempt,
  releaseAttempt,
  resetAttempts,
  SIGN_IN_POLICY,
  type Throttle,
} from "./rate-limit";
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

// Verifying against a real hash when the account does not exist keeps timing from revealing which emails exist.
const decoyHash = hashPassword("decoy password");

/** The user whose password this is, or null; as slow for an unknown email or an unusable hash as for a wrong password. */
export async function checkCredentials(input: SignInInput): Promise<CurrentUser | null> {
  const user = await db().user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  return user && valid ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

function rateLimited(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "rate_limited",
    `Too many sign-in attempts from your address; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
  );
}

/**
 * Signs in with email and password from `address` (lib/auth/client-address.ts). Every attempt is
 * counted before its password is checked, so concurrent guesses cannot all slip under the limit:
 * per (account, address) and per address they are refused past the policy's limits; per account
 * they are slowed down, never refused, so nobody can lock another person out. Shared by the API
 * and the sign-in form; the counts live in PostgreSQL, shared by every app server.
 */
export async function signIn(
  input: SignInInput,
  address: string,
): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
  const pair: Throttle = { scope: "account_address", subject: `${input.email} ${address}` };
  const from: Throttle = { scope: "address", subject: address };
  const account: Throttle = { scope: "account", subject: input.email };

  const tried = await countAttempt(pair);
  const fromAddress = await countAttempt(from);
  if (tried.count > SIGN_IN_POLICY.perAccountAddress) throw rateLimited(tried.retryAfter);
  if (fromAddress.count > SIGN_IN_POLICY.perAddress) throw rateLimited(fromAddress.retryAfter);
  // Counted only once the address may try: refused requests cost the attacker nothing here, so
  // they cannot drive the account's delay up for its real user either.
  const onAccount = await countAttempt(account);
  const delay = accountDelayMs(onAccount.count - 1);
  if (delay) await sleep(delay);

  const user = await checkCredentials(input);
  if (!user) throw new AppError("unauthenticated", "The email or password is wrong");
  await Promise.all([resetAttempts(pair), releaseAttempt(from), releaseAttempt(account)]);
  const session = await createSession(user.id);
  return { user, ...session };
}
