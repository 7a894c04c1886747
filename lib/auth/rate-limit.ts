import { db } from "@/lib/db";
import { envNumber } from "@/lib/env";

export type ThrottleScope = "account_address" | "address" | "account";

// The delays are configurable only so the integration tests can prove them without waiting
// seconds per failure (vitest.config.ts); the limits themselves are not.
const firstDelayMs = envNumber("SOURCEDESK_SIGN_IN_FIRST_DELAY_MS", { default: 500, min: 1, max: 60_000 });
const maxDelayMs = envNumber("SOURCEDESK_SIGN_IN_MAX_DELAY_MS", { default: 5_000, min: firstDelayMs, max: 600_000 });

/**
 * The sign-in policy. One address may try one account 10 times and all accounts 50 times in a
 * window, then it is refused (429) without its password being checked. An account is never
 * locked for everyone: past a few failures in a window every further attempt on it, from any
 * address, waits longer (0.5 s doubling to 5 s by default), so an attacker who is refused at their
 * address cannot keep the real user out, only slow them down a little.
 */
export const SIGN_IN_POLICY = {
  windowMs: 15 * 60_000,
  perAccountAddress: 10,
  perAddress: 50,
  freeAccountFailures: 5,
  firstDelayMs,
  maxDelayMs,
} as const;

export interface Throttle {
  scope: ThrottleScope;
  subject: string;
}

export interface Counted {
  /** Attempts in the current window, this one included. */
  count: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/**
 * Counts one attempt for a key and answers the new count, in one statement: the row lock makes
 * concurrent attempts take numbers one after another, so 60 simultaneous requests see 1 … 60 and
 * exactly the first few fit under a limit. A window older than `windowMs` starts again at 1.
 */
export async function countAttempt({ scope, subject }: Throttle): Promise<Counted> {
  const windowMs = SIGN_IN_POLICY.windowMs;
  const [row] = await db().$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "SignInThrottle" AS t (scope, subject, "windowStart", count)
    VALUES (${scope}, ${subject}, now(), 1)
    ON CONFLICT (scope, subject) DO UPDATE SET
      count = CASE WHEN t."windowStart" > now() - ${windowMs}::int * interval '1 millisecond' THEN t.count + 1 ELSE 1 END,
      "windowStart" = CASE WHEN t."windowStart" > now() - ${windowMs}::int * interval '1 millisecond'
        THEN t."windowStart" ELSE now() END
    RETURNING count,
      ceil(extract(epoch FROM t."windowStart" + ${windowMs}::int * interval '1 millisecond' - now()))::int AS "retryAfter"`;
  if (Math.random() < 0.02) void forgetExpired().catch(() => {}); // housekeeping; a miss is harmless
  return row;
}

/** Gives back the attempt a successful sign-in had counted: only failures should add up. */
export async function releaseAttempt({ scope, subject }: Throttle): Promise<void> {
  await db().$executeRaw`
    UPDATE "SignInThrottle" SET count = greatest(count - 1, 0) WHERE scope = ${scope} AND subject = ${subject}`;
}

/** Starts a key's window afresh (the right password from an address clears that address's tries). */
export async function resetAttempts({ scope, subject }: Throttle): Promise<void> {
  await db().$executeRaw`DELETE FROM "SignInThrottle" WHERE scope = ${scope} AND subject = ${subject}`;
}

async function forgetExpired(): Promise<void> {
  await db().$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "windowStart" < now() - ${SIGN_IN_POLICY.windowMs}::int * interval '1 millisecond'`;
}

/** How long an attempt on an account waits, given the failures already counted on it in the window. */
export function accountDelayMs(previousFailures: number): number {
  const { freeAccountFailures, firstDelayMs, maxDelayMs } = SIGN_IN_POLICY;
  if (previousFailures < freeAccountFailures) return 0;
  return Math.min(firstDelayMs * 2 ** (previousFailures - freeAccountFailures), maxDelayMs);
}
