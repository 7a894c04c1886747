import pg from "pg";

const globalForPool = globalThis as unknown as { importPool?: pg.Pool };

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
