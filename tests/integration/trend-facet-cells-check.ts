import { expect } from "vitest";
import { db } from "@/lib/db";

/**
 * The trend facet cells (migration trend_facet_counts) recomputed from the rows — every claim's
 * source-type mask, mode mask, review status and second-hand flag, at its article's month,
 * outlet, author and desk as the Article row has them now — and compared with TrendFacetCount
 * summed per cell (cells summing to zero left out). `compacted`: also one row per cell.
 */
export async function expectTrendFacetCellsTrue({ compacted = false } = {}) {
  const claims = await db().claim.findMany({
    select: {
      sourceTypeMask: true,
      modeMask: true,
      reviewStatus: true,
      secondHand: true,
      article: { select: { publishedAt: true, createdAt: true, outlet: true, author: true, desk: true } },
    },
  });
  const expected = new Map<string, number>();
  for (const c of claims) {
    const month = `${(c.article.publishedAt ?? c.article.createdAt).toISOString().slice(0, 7)}-01`;
    for (const dimension of ["outlet", "author", "desk"] as const) {
      const key = cellKey({ ...c, dimension, value: c.article[dimension], month });
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  const rows = await db().trendFacetCount.findMany();
  const stored = new Map<string, number>();
  for (const r of rows) {
    const key = cellKey({ ...r, month: r.month.toISOString().slice(0, 10) });
    stored.set(key, (stored.get(key) ?? 0) + r.n);
  }
  const nonZero = (m: Map<string, number>) =>
    Object.fromEntries([...m].filter(([, n]) => n !== 0).sort(([p], [q]) => p.localeCompare(q)));
  expect(nonZero(stored)).toEqual(nonZero(expected));
  if (compacted)
    expect(rows.length, "compaction leaves one row per non-empty cell").toBe(Object.keys(nonZero(stored)).length);
}

function cellKey(c: {
  dimension: string;
  value: string | null;
  month: string;
  sourceTypeMask: number;
  modeMask: number;
  reviewStatus: string;
  secondHand: boolean;
}) {
  return [c.dimension, c.value ?? "∅", c.month, c.sourceTypeMask, c.modeMask, c.reviewStatus, c.secondHand].join("|");
}
