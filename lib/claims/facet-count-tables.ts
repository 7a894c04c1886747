import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "./schema";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

/**
 * Whether the facet counts can come from ClaimFacetCount / ClaimAffiliationCount (migration
 * bulk_import_facet_counts): every filter set is one of their keys — source type, anonymity, mode,
 * second-hand, review status — or a date range. Text search, articles and affiliations select
 * claims the tables cannot tell apart: those counts scan the claims they select (indexed).
 */
export function countTablesCover(f: ClaimFilters): boolean {
  return !f.q && !f.articleId?.length && !f.affiliation?.length && f.unsourced !== true;
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const firstOfMonth = (t: number, plus = 0) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The date range split into the whole months the tables hold and the days at either edge, which
 * are read from the claims (the date index: at most two partial months).
 */
export function splitRange(from?: string, to?: string) {
  const start = from ? day(from) : null;
  const end = to ? day(to) + DAY : null; // exclusive
  const monthsFrom = start === null ? null : start === firstOfMonth(start) ? start : firstOfMonth(start, 1);
  const monthsTo = end === null ? null : firstOfMonth(end);
  if (monthsFrom !== null && monthsTo !== null && monthsFrom >= monthsTo)
    return { months: null, edges: [{ from: start, to: end }] };
  const edges: { from: number | null; to: number | null }[] = [];
  if (start !== null && monthsFrom !== start) edges.push({ from: start, to: monthsFrom });
  if (end !== null && monthsTo !== end) edges.push({ from: monthsTo, to: end });
  return { months: { from: monthsFrom, to: monthsTo }, edges };
}

/** The count tables' key columns (named as on Claim, so claimCondition selects rows of both). */
export const FACET_KEYS = Prisma.raw(`"sourceTypeMask", "modeMask", "reviewStatus", "secondHand"`);

type Bounds = { from: number | null; to: number | null };
const bounded = (column: Sql, { from, to }: Bounds) =>
  [
    from === null ? null : sql`${column} >= CAST(${isoDay(from)} AS date)`,
    to === null ? null : sql`${column} < CAST(${isoDay(to)} AS date)`,
  ].filter((c): c is Sql => c !== null);
/** The whole months of splitRange as conditions on a table's `month` (none for an open range). */
export const monthConditions = (months: Bounds) => bounded(sql`month`, months);
/** An edge of splitRange as conditions on the claims' date. */
export const edgeConditions = (edge: Bounds) => bounded(sql`c."articleDate"`, edge);

/**
 * Rows (key columns, n) standing for the claims in the date range: table rows for whole months,
 * claims at the edges; with no range at all, the affiliations' month-less totals.
 */
export function countedRows(f: ClaimFilters, withAffiliation: boolean): Sql {
  const { months, edges } = splitRange(f.from, f.to);
  const parts: Sql[] = [];
  const affiliation = withAffiliation ? sql`affiliation, ` : sql``;
  if (months && withAffiliation && months.from === null && months.to === null) {
    // No date range: the month-less totals (migration affiliation_totals), ~20× fewer rows.
    parts.push(sql`SELECT affiliation, ${FACET_KEYS}, n FROM "ClaimAffiliationTotal"`);
  } else if (months) {
    const conditions = monthConditions(months);
    parts.push(sql`SELECT ${affiliation}${FACET_KEYS}, n FROM ${Prisma.raw(withAffiliation ? `"ClaimAffiliationCount"` : `"ClaimFacetCount"`)}
      WHERE ${conditions.length ? Prisma.join(conditions, " AND ") : sql`TRUE`}`);
  }
  for (const edge of edges) {
    const range = edgeConditions(edge);
    parts.push(
      withAffiliation
        ? sql`SELECT unnest(c.affiliations) AS affiliation, ${FACET_KEYS}, 1 AS n FROM "Claim" c WHERE ${Prisma.join(range, " AND ")}`
        : sql`SELECT ${FACET_KEYS}, 1 AS n FROM "Claim" c WHERE ${Prisma.join(range, " AND ")}`,
    );
  }
  return Prisma.join(parts, " UNION ALL ");
}
