import type { Socket } from "node:net";
import pg from "pg";

/**
 * Who a token or session belongs to, remembered for a few seconds per app server: every API call
 * and page starts with that lookup, a round trip (~0.5–1 ms) on pages whose own SQL takes 5–9 ms.
 *
 * Only as safe as its forgetting. Every change that can end or alter a signed-in identity (a
 * revoked token, a sign-out, a role or password change, a deleted user) notifies channel
 * `sourcedesk_auth` (migration auth_change_notify), and each server LISTENs on its own connection
 * and drops everything it holds when one arrives — milliseconds after the commit, on every server.
 * Nothing is cached while that connection is not listening (not yet up, lost, reconnecting), so a
 * missed notification cannot leave a revoked token working. A lookup that began before a change
 * does not store what it read (the generation check), and writers in this process forget at once
 * after their commit (forgetCachedUsers) rather than waiting for their own notification.
 * SOURCEDESK_AUTH_CACHE_SECONDS bounds an entry's life (default 30; 0 turns the cache off — behind a pooler
 * that does not pass LISTEN through, such as PgBouncer in transaction mode).
 *
 * Only found identities are kept: a flood of forged tokens costs lookups, never cache room, and a
 * token created a moment ago works at once.
 */
const CHANNEL = "sourcedesk_auth";
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

interface State {
  listening: boolean;
  client?: pg.Client;
  /** Bumped whenever everything is forgotten; a lookup stores its answer only if it did not move. */
  generation: number;
  entries: Map<string, { value: unknown; until: number }>;
}

const globalForCache = globalThis as unknown as { sourcedeskUserCache?: State };
const state = (): State =>
  (globalForCache.sourcedeskUserCache ??= { listening: false, generation: 0, entries: new Map() });

const lifetimeMs = () => {
  const seconds = Number(process.env.SOURCEDESK_AUTH_CACHE_SECONDS ?? 30);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

/** Forgets every cached identity (a notification, a lost listener, or a write in this process). */
export function forgetCachedUsers(): void {
  const s = state();
  s.generation++;
  s.entries.clear();
}

/**
 * Runs a write that can end or change identities (it notifies the other servers itself), then
 * forgets here at once: this server's next request must not wait for the notification.
 */
export async function forgettingCachedUsers<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    forgetCachedUsers();
  }
}

function startListening(s: State): void {
  if (s.client || !process.env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "sourcedesk-auth" });
  s.client = client;
  const lost = () => {
    if (s.client !== client) return;
    s.client = undefined;
    s.listening = false;
    forgetCachedUsers();
    client.end().catch(() => undefined);
    setTimeout(() => startListening(s), RECONNECT_MS).unref();
  };
  client.on("notification", forgetCachedUsers);
  client.on("error", lost);
  client.on("end", lost);
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      if (s.client !== client) return;
      // An idle listener must not keep a script or a test worker alive once its work is done.
      (client as unknown as { connection: { stream: Socket } }).connection.stream.unref?.();
      forgetCachedUsers(); // whatever changed before LISTEN took effect
      s.listening = true;
    }, lost);
}

/**
 * The identity under `key`, from the cache while the listener is up, else from `load` (which
 * answers null for nobody, or the identity and, for a session, when it expires).
 */
export async function cachedIdentity<T>(
  key: string,
  load: () => Promise<{ value: T; expiresAt?: number } | null>,
): Promise<T | null> {
  const lifetime = lifetimeMs();
  if (!lifetime) return (await load())?.value ?? null;
  const s = state();
  startListening(s);
  const now = Date.now();
  const hit = s.entries.get(key);
  if (hit && s.listening && hit.until > now) return hit.value as T;
  if (hit) s.entries.delete(key);
  const generation = s.generation;
  const loaded = await load();
  if (loaded && s.listening && s.generation === generation) {
    if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
    s.entries.set(key, { value: loaded.value, until: Math.min(now + lifetime, loaded.expiresAt ?? Infinity) });
  }
  return loaded?.value ?? null;
}

/** Whether identities are being cached now (the listener is up). */
export const cachingIdentities = (): boolean => lifetimeMs() > 0 && state().listening;
