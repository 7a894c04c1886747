import { envNumber } from "@/lib/env";
import { takeUserSlot } from "@/lib/user-slots";

/** Report downloads one user may stream at once (per app server); the pool has REPORT_CONNECTIONS. */
const perUser = () => envNumber("SOURCEDESK_REPORT_PER_USER", { default: 2, min: 1 });

/**
 * Takes one of the user's report slots or refuses with 429: a client that opens many slow
 * downloads holds at most its share of the report connections, never all of them. The returned
 * function gives the slot back (idempotent); call it when the download ends, however it ends.
 */
export function takeReportSlot(userId: string): () => void {
  return takeUserSlot({
    kind: "report",
    userId,
    limit: perUser(),
    refusal: (held) => `You already have ${held} report downloads running; wait for one to finish and try again`,
    retryAfterSeconds: 5,
  });
}
