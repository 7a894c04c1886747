import pg from "pg";

const globalForPool = globalThis as unknown as { importPool?: pg.Pool; readPool?: pg.Pool };

/** `timestamp(3)` columns hold UTC (as Prisma writes them); node-postgres would read them in local time. */
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * node-postgres connections for the hottest reads (the explorer page, the caller's token or
 * session): one round trip, rows as node-postgres parses them, no ORM mapping per field.
 */
export function readPool(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  globalForPool.readPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 8,
    idleTimeoutMillis: 10_000,
    types,
  });
  return globalForPool.readPool;
}

/** Runs a Prisma.sql-built query on the read pool. */
export async function readRows<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
  return (await readPool().query(query.text, query.values)).rows as T[];
}

/**
 * node-postgres connections for bulk writers (article import), which send arrays of thousands of
 * rows per statement and hold a transaction per batch: Prisma's pool stays free for requests.
 */
export function importPool(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  globalForPool.importPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 10_000,
  });
  return globalForPool.importPool;
}

export async function closeImportPool(): Promise<void> {
  await globalForPool.importPool?.end();
  globalForPool.importPool = undefined;
}

export async function closeReadPool(): Promise<void> {
  await globalForPool.readPool?.end();
  globalForPool.readPool = undefined;
}
