import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";
import { type RequestPeer, runWithPeer } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createApiToken, createUser } from "@/lib/users/create-user";

process.env.DATABASE_URL ??= inject("databaseUrl");

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export { rafahGold, rafahText } from "../support/rafah-gold";

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

/** A real user with a real API token, uniquely named so tests never collide. */
export async function makeUser(role: Role): Promise<TestUser> {
  const user = await createUser({
    email: `${unique(role)}@test.local`,
    name: `Test ${role}`,
    role,
    password: "test-password-123",
  });
  return { ...user, token: await createApiToken(user.id, "test") };
}

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

interface CallOptions {
  user?: TestUser | null;
  body?: unknown;
  rawBody?: string;
  id?: string;
  query?: Record<string, string | string[]>;
  /** The socket address the request comes from (default: a fresh one per call). */
  peer?: string;
}

/**
 * A request's socket peer as the server's hook records it. By default every call comes from its
 * own address, so tests never share a per-address sign-in limit by accident; tests of those limits
 * name their address.
 */
export function testPeer(socketAddress?: string, forwardedFor?: string): RequestPeer {
  return { socketAddress: socketAddress ?? `test-${randomUUID()}`, forwardedFor };
}

/** Calls a route handler exactly as Next would, with a real Request. */
export async function call(handler: Handler, method: string, options: CallOptions = {}) {
  const url = new URL("http://localhost/api/test");
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  const headers: Record<string, string> = {};
  if (options.user) headers.authorization = `Bearer ${options.user.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await runWithPeer(testPeer(options.peer), () =>
    handler(new Request(url, { method, headers, body }), { params: Promise.resolve({ id: options.id ?? "" }) }),
  );
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

// ApiToken.lastUsedAt is bookkeeping of the token's use, not data a request writes: left out.
const COLUMNS: Record<string, string> = { ApiToken: `id, "userId", "tokenHash", name, "createdAt", "revokedAt"` };
// Sign-in attempts are counted even when refused (that is the point): bookkeeping, left out.
const BOOKKEEPING = new Set(["SignInThrottle"]);

/**
 * A checksum of every row of every table (found in the catalog, so new tables count too): equal
 * before and after means nothing changed.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (BOOKKEEPING.has(name)) continue;
    const rows = await db().$queryRawUnsafe<{ sum: string | null }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM (SELECT ${COLUMNS[name] ?? "*"} FROM "${name}") t`,
    );
    out[name] = rows[0].sum ?? "";
  }
  return out;
}

/**
 * The count tables compacted and the source months folded, now: the app's compactions skip when
 * another holds their advisory lock (a background compaction a facet read started, maybe in an
 * earlier file on this database), so a test that checks a compaction's result waits for the locks
 * first and compacts inside them (the functions' own try-locks are then re-entrant).
 */
export async function compactCountsNow(): Promise<void> {
  await db().$transaction(
    async (tx) => {
      for (const lock of [
        "sourcedesk_compact_facet_counts",
        "sourcedesk_compact_trend_facet_counts",
        "sourcedesk_fold_source_months",
      ])
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lock}))`;
      await tx.$executeRaw`SELECT sourcedesk_compact_facet_counts()`;
    },
    { timeout: 60_000 },
  );
}
