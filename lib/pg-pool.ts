import pg from "pg";

/**
 * Every raw node-postgres pool of the app, made one way: named in pg_stat_activity
 * (`sourcedesk-<name>`), UTC timestamps, and an `error` listener. Without that listener an idle
 * client whose server went away (PostgreSQL restarted by the launcher, an idle timeout, a
 * pg_terminate_backend) raises an `error` event nobody handles, which ends the process; with it the
 * pool drops the client and the next query opens a new connection.
 */
export interface PoolOptions {
  /** Shown as `sourcedesk-<name>` in pg_stat_activity and in the log line of a lost connection. */
  name: string;
  max: number;
  /** How long a query waits for a free client (pg-pool counts waiting too); unbounded by default. */
  connectionTimeoutMillis?: number;
}

/** `timestamp(3)` columns hold UTC (as Prisma writes them); node-postgres would read them in local time. */
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForPools = globalThis as unknown as { sourcedeskPools?: Map<string, pg.Pool> };
const pools = () => (globalForPools.sourcedeskPools ??= new Map());

/** The pool of that name, created on first use (so `next build` never needs a database). */
export function sharedPool(options: PoolOptions): pg.Pool {
  const existing = pools().get(options.name);
  if (existing) return existing;
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: options.max,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: options.connectionTimeoutMillis,
    application_name: `sourcedesk-${options.name}`,
    types,
  });
  pool.on("error", (error) => console.error(`[${options.name}] idle connection lost:`, error.message));
  pools().set(options.name, pool);
  return pool;
}

/** Ends the pool of that name; the next `sharedPool` call opens a fresh one (scripts, tests). */
export async function closePool(name: string): Promise<void> {
  const pool = pools().get(name);
  pools().delete(name);
  await pool?.end();
}

/**
 * node-postgres connections for the hottest reads (the explorer page, the caller's token or
 * session): one round trip, rows as node-postgres parses them, no ORM mapping per field.
 */
export const readPool = () => sharedPool({ name: "read", max: 8 });

/** Runs a Prisma.sql-built query on the read pool. */
export async function readRows<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
  return (await readPool().query(query.text, query.values)).rows as T[];
}

/**
 * node-postgres connections for bulk writers (article import), which send arrays of thousands of
 * rows per statement and hold a transaction per batch: Prisma's pool stays free for requests.
 */
export const importPool = () => sharedPool({ name: "import", max: 4 });

export const closeImportPool = () => closePool("import");
export const closeReadPool = () => closePool("read");
