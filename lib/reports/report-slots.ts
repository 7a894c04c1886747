import { envNumber } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Report downloads one user may stream at once (per app server); the pool has REPORT_CONNECTIONS. */
const perUser = () => envNumber("SOURCEDESK_REPORT_PER_USER", { default: 2, min: 1 });

const globalForSlots = globalThis as unknown as { reportSlots?: Map<string, number> };
const slots = () => (globalForSlots.reportSlots ??= new Map());

/**
 * Takes one of the user's report slots or refuses with 429: a client that opens many slow
 * downloads holds at most its share of the report connections, never all of them. The returned
 * function gives the slot back (idempotent); call it when the download ends, however it ends.
 */
export function takeReportSlot(userId: string): () => void {
  const held = slots().get(userId) ?? 0;
  if (held >= perUser()) {
    const error = new AppError(
      "rate_limited",
      `You already have ${held} report downloads running; wait for one to finish and try again`,
    );
    error.retryAfterSeconds = 5;
    throw error;
  }
  slots().set(userId, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (slots().get(userId) ?? 1) - 1;
    if (now > 0) slots().set(userId, now);
    else slots().delete(userId);
  };
}
