import { Prisma } from "@/lib/generated/prisma/client";
import { withSnapshot } from "@/lib/reports/snapshot";

/**
 * The trends' and diversity's queries run in ONE read-only snapshot on the report pool
 * (lib/reports/snapshot.ts), one after another: every figure of an answer describes the same
 * moment, a request holds one connection rather than one interactive Prisma transaction per query
 * (parallel requests exhausted Prisma's pool: P2028 → 500), and a busy pool answers 503 with
 * Retry-After instead. The snapshot already gives work_mem 64 MB (grouping sets and distinct counts
 * sort in memory); on top of it:
 * - random_page_cost 1.1 (the default 4 models a spinning disk): the facet columns' covering
 *   index is then read index-only instead of the wide claim rows;
 * - for the queries that join pairs or claims to sources (`hashJoins`), no nested loops: the
 *   planner's estimate of anonymous sources without a reason is far off, and it probed the claims'
 *   primary key 55k times where hash joins read each table once (bench, docs/performance.md).
 */
export interface AggregateReader {
  read<T>(query: Prisma.Sql, options?: { hashJoins?: boolean }): Promise<T[]>;
}

/** The statements that prepare such a snapshot (the benchmark runs the raw SQL with them too). */
export function aggregateSettings(hashJoins: boolean): string[] {
  return [
    "SET TRANSACTION READ ONLY",
    "SET LOCAL random_page_cost = 1.1",
    "SET LOCAL work_mem = '64MB'",
    `SET LOCAL enable_nestloop = ${hashJoins ? "off" : "on"}`,
  ];
}

export function readAggregates<R>(work: (reader: AggregateReader) => Promise<R>): Promise<R> {
  return withSnapshot(async (snapshot) => {
    await snapshot.rows(Prisma.sql`SET LOCAL random_page_cost = 1.1`);
    let nestedLoops = true;
    // One connection runs one query at a time: reads are queued, so callers may still start
    // several at once, and each runs with its own planner setting.
    let queue: Promise<unknown> = Promise.resolve();
    const run = async <T>(query: Prisma.Sql, hashJoins: boolean) => {
      if (nestedLoops === hashJoins) {
        await snapshot.rows(Prisma.raw(`SET LOCAL enable_nestloop = ${hashJoins ? "off" : "on"}`));
        nestedLoops = !hashJoins;
      }
      return snapshot.rows<T>(query);
    };
    const reader: AggregateReader = {
      read<T>(query: Prisma.Sql, { hashJoins = false } = {}) {
        const next = queue.then(() => run<T>(query, hashJoins));
        queue = next.catch(() => undefined);
        return next;
      },
    };
    const result = await work(reader);
    await queue;
    return result;
  });
}
