import { AppError } from "@/lib/errors";

const globalForSlots = globalThis as unknown as { userSlots?: Map<string, number> };
const slots = () => (globalForSlots.userSlots ??= new Map());

interface SlotRequest {
  /** What the slots are for ("report", "import"): each kind is counted apart. */
  kind: string;
  userId: string;
  /** Slots of this kind one user may hold at once (per app server). */
  limit: number;
  /** The 429's message, given how many the user already holds. */
  refusal: (held: number) => string;
  retryAfterSeconds: number;
}

/**
 * Takes one of the user's slots of a kind or refuses with 429 and Retry-After: a client that opens
 * many long requests (slow downloads, big imports) holds at most its share of the connections and
 * workers behind them, never all of them. The returned function gives the slot back (idempotent);
 * call it when the request's work ends, however it ends.
 */
export function takeUserSlot({ kind, userId, limit, refusal, retryAfterSeconds }: SlotRequest): () => void {
  const key = `${kind}:${userId}`;
  const held = slots().get(key) ?? 0;
  if (held >= limit) {
    const error = new AppError("rate_limited", refusal(held));
    error.retryAfterSeconds = retryAfterSeconds;
    throw error;
  }
  slots().set(key, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (slots().get(key) ?? 1) - 1;
    if (now > 0) slots().set(key, now);
    else slots().delete(key);
  };
}
