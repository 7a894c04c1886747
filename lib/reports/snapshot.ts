import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { unavailable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { closePool, sharedPool } from "@/lib/pg-pool";

/**
 * Reports read through node-postgres directly: one READ ONLY, REPEATABLE READ transaction per
 * report, so its totals and its rows come from the same snapshot even while editors write, and a
 * server-side cursor, so a 100k-claim export holds one batch in memory, never the whole result.
 */
const env = (name: string, fallback: number) => Number(process.env[name] || fallback);
/** Connections for reports, apart from Prisma's pool so a burst of exports never starves writes. */
export const REPORT_CONNECTIONS = 4;
/** A report that cannot get a connection in this long answers 503 rather than waiting on. */
const acquireTimeoutMs = () => env("SOURCEDESK_REPORT_ACQUIRE_MS", 5_000);
/** PostgreSQL ends a report transaction left idle this long (the app's own stall timer fires first). */
const idleInTransactionMs = () => env("SOURCEDESK_REPORT_IDLE_TX_MS", 60_000);

/** The report connections (`sourcedesk-reports` in pg_stat_activity). */
export const reportPool = () =>
  sharedPool({ name: "reports", max: REPORT_CONNECTIONS, connectionTimeoutMillis: acquireTimeoutMs() });

/** Closes the report connections (tests that change the pool's settings; scripts that want to exit). */
export const closeReportPool = () => closePool("reports");

async function connect(): Promise<pg.PoolClient> {
  try {
    return await reportPool().connect();
  } catch (error) {
    console.error("[reports] no database connection for a report", (error as Error).message);
    throw unavailable("Reports are busy (or the database is unreachable); try again in a few seconds", 5);
  }
}

export interface Snapshot {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /** The text of a `COPY … TO STDOUT` (SQL text: COPY takes no parameters), decoded as it arrives. */
  copyOut(copySql: string): AsyncIterable<string>;
  /** Rows in batches through a server-side cursor. */
  stream<T>(query: Prisma.Sql, batchSize?: number): AsyncGenerator<T[]>;
}

let cursorCount = 0;

function snapshotOn(client: pg.PoolClient, abandon: () => void): Snapshot {
  return {
    rows: async <T>(query: Prisma.Sql) => (await client.query(query.text, query.values)).rows as T[],
    async *copyOut(copySql: string) {
      let finished = false;
      const decoder = new TextDecoder();
      try {
        // A character split between two chunks is held back by the streaming decoder.
        for await (const chunk of client.query(copyTo(copySql)))
          yield decoder.decode(chunk as Buffer, { stream: true });
        const rest = decoder.decode();
        if (rest) yield rest;
        finished = true;
      } finally {
        // A COPY left midway (a cancelled download) leaves the connection mid-protocol: drop it.
        if (!finished) abandon();
      }
    },
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
  const client = await connect();
  let finished = false;
  let broken = false;
  // A checked-out client's connection errors (the server ended the session) are emitted on it;
  // unhandled they would crash the process. The pending or next query fails and ends the report.
  const onError = (error: Error) => {
    broken = true;
    console.error("[reports] report connection lost", error.message);
  };
  client.on("error", onError);
  try {
    // One round trip (a simple-protocol query of four statements): under load each trip of a
    // short report costs a few milliseconds.
    await client.query(
      [
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        // The backstop for a report whose reader stalls and whose stall timer somehow never fires.
        `SET LOCAL idle_in_transaction_session_timeout = ${Math.floor(idleInTransactionMs())}`,
        // A report reads its cursors to the end: plan them for the whole result, not (PostgreSQL's
        // default for cursors) the first 10% — fast-start nested loops took ~20 s at 50k claims.
        "SET LOCAL cursor_tuple_fraction = 1.0",
        // Its totals hash-aggregate every matching claim: more than the default 4 MB without spilling.
        "SET LOCAL work_mem = '64MB'",
      ].join("; "),
    );
    yield* produce(
      snapshotOn(client, () => {
        broken = true;
      }),
    );
    await client.query("COMMIT");
    finished = true;
  } finally {
    if (!finished && !broken)
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
    client.off("error", onError);
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
