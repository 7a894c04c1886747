import { db } from "@/lib/db";

/**
 * How many sources waiting for the fold (SourceMonthChange) readers may recount from their pairs
 * before one of them starts the fold at once rather than at the next minute's compaction. A
 * recount costs about a millisecond a source, the fold about three (10k-article archive, load ~8:
 * 100 waiting 86 ms to read, 355 ms to fold; 1000 waiting 0.8 s and 2.5 s), so a reader never
 * folds in its own request: it starts the fold in the background (one at a time: the fold's lock
 * turns a second away) and later readers recount less.
 */
export const RECOUNTED_AT_MOST = 100;

const globalForFold = globalThis as unknown as { sourceMonthsFolding?: boolean };

export async function foldWaitingSourceMonthsSoon(): Promise<void> {
  if (globalForFold.sourceMonthsFolding) return;
  const [{ backlog }] = await db().$queryRaw<{ backlog: boolean }[]>`
    SELECT count(*) > ${RECOUNTED_AT_MOST} AS backlog
    FROM (SELECT 1 FROM "SourceMonthChange" LIMIT ${RECOUNTED_AT_MOST + 1}) w`;
  if (!backlog) return;
  globalForFold.sourceMonthsFolding = true;
  db().$executeRaw`SELECT sourcedesk_fold_source_months()`
    .catch((error) => console.error("[trends] folding the source months failed", error))
    .finally(() => {
      globalForFold.sourceMonthsFolding = false;
    });
}
