/**
 * Requests per client address in fixed one-minute windows, for the public card's read-only
 * endpoints. In memory, per app server, on purpose: the card is cheap, public and cacheable, so
 * the limit only needs to stop one client from hammering the database, not to be exact across
 * servers (several servers each allow their own quota; a shared store is the upgrade path).
 * Memory is bounded: the map is emptied each window, and past `maxKeys` addresses in one window
 * the newcomers share one bucket (a flood of forged X-Forwarded-For values cannot grow it).
 */
export class ReadLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts one request; false when this address has used up its window (answer 429). */
  take(address: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
    const key = this.counts.has(address) || this.counts.size < this.maxKeys ? address : "\u0000overflow";
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return {
      allowed: count <= this.max,
      retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000)),
    };
  }
}
