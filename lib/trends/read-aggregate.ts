import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one of the trends' aggregates in its own read-only transaction with planner settings that
 * fit it. These queries read most of the selected claims, so:
 * - random_page_cost 1.1 (the default 4 models a spinning disk): the facet columns' covering
 *   index is then read index-only (4k pages at 10k articles) instead of the wide claim rows (11k);
 * - work_mem 64 MB, as the reports use: grouping sets and distinct counts sort in memory;
 * - for the joins to attributions and sources (`hashJoins`), no nested loops: the planner's
 *   estimate of anonymous sources without a reason is far off, and it probed the claims' primary
 *   key 55k times (290k buffers) where hash joins read each table once (10k; bench, docs/performance.md).
 */
export function readAggregate<T>(query: Prisma.Sql, { hashJoins = false }: { hashJoins?: boolean } = {}): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      await tx.$executeRawUnsafe("SET LOCAL random_page_cost = 1.1");
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      if (hashJoins) await tx.$executeRawUnsafe("SET LOCAL enable_nestloop = off");
      return tx.$queryRaw<T>(query);
      // Not Prisma's 5 s: on a busy machine a year-long weekly breakdown at 100k articles outlasts it.
    },
    { timeout: 60_000 },
  );
}

/** The statements that open such a transaction (the benchmark runs the raw SQL with them too). */
export function aggregateSettings(hashJoins: boolean): string[] {
  return [
    "SET TRANSACTION READ ONLY",
    "SET LOCAL random_page_cost = 1.1",
    "SET LOCAL work_mem = '64MB'",
    ...(hashJoins ? ["SET LOCAL enable_nestloop = off"] : []),
  ];
}
