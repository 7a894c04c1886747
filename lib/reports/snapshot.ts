import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Reports read through node-postgres directly: one READ ONLY, REPEATABLE READ transaction per
 * report, so its totals and its rows come from the same snapshot even while editors write, and a
 * server-side cursor, so a 100k-claim export holds one batch in memory, never the whole result.
 */
const globalForPool = globalThis as unknown as { reportPool?: pg.Pool };

function pool(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  globalForPool.reportPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 10_000,
  });
  return globalForPool.reportPool;
}

export interface Snapshot {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /** Rows in batches through a server-side cursor. */
  stream<T>(query: Prisma.Sql, batchSize?: number): AsyncGenerator<T[]>;
}

let cursorCount = 0;

function snapshotOn(client: pg.PoolClient): Snapshot {
  return {
    rows: async <T>(query: Prisma.Sql) => (await client.query(query.text, query.values)).rows as T[],
    async *stream<T>(query: Prisma.Sql, batchSize = 500) {
      const name = `report_cursor_${++cursorCount}`;
      await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query.text}`, query.values);
      try {
        for (;;) {
          const { rows } = await client.query(`FETCH ${batchSize} FROM ${name}`);
          if (rows.length) yield rows as T[];
          if (rows.length < batchSize) break;
        }
      } finally {
        // After an error the transaction is aborted and rolled back anyway: keep the first error.
        await client.query(`CLOSE ${name}`).catch(() => undefined);
      }
    },
  };
}

/**
 * Yields what `produce` yields, inside one read-only snapshot. The transaction commits when the
 * output is exhausted and rolls back if it fails or its reader goes away (a cancelled download).
 */
export async function* snapshotStream<T>(produce: (snapshot: Snapshot) => AsyncIterable<T>): AsyncGenerator<T> {
  const client = await pool().connect();
  let finished = false;
  let broken = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A report reads its cursors to the end: plan them for the whole result, not (PostgreSQL's
    // default for cursors) the first 10% — fast-start nested loops took ~20 s at 50k claims.
    await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
    // Its totals hash-aggregate every matching claim: more than the default 4 MB without spilling.
    await client.query("SET LOCAL work_mem = '64MB'");
    yield* produce(snapshotOn(client));
    await client.query("COMMIT");
    finished = true;
  } finally {
    if (!finished)
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
    client.release(broken);
  }
}

/** Runs `work` inside one read-only snapshot. */
export async function withSnapshot<R>(work: (snapshot: Snapshot) => Promise<R>): Promise<R> {
  let result: R | undefined;
  for await (const value of snapshotStream(async function* (snapshot) {
    yield await work(snapshot);
  }))
    result = value;
  return result as R;
}
