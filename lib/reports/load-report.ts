import type { ReportMeta } from "./report-meta";
import { streamReportClaims, streamUnsourcedStatements } from "./report-rows";
import { buildReportSummary } from "./report-summary";
import { withSnapshot } from "./snapshot";

/** A page shows this many claims and statements; the exports carry them all. */
export const PAGE_ROW_LIMIT = 500;

async function take<T>(items: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break; // closes the cursor
  }
  return out;
}

/** A report for a page: the whole summary and the first rows, from one snapshot. */
export function loadReport(meta: ReportMeta) {
  return withSnapshot(async (snapshot) => ({
    meta,
    summary: await buildReportSummary(snapshot, meta.filters),
    claims: await take(streamReportClaims(snapshot, meta.filters), PAGE_ROW_LIMIT),
    statements: await take(streamUnsourcedStatements(snapshot, meta.filters), PAGE_ROW_LIMIT),
  }));
}
export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;
