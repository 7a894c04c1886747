import { Prisma } from "@/lib/generated/prisma/client";
import type { TrendInterval } from "./schema";

/**
 * Distinct sources per month and over a range from SourceMonthLink (migration source_months): a
 * month's sources are the sum of its links, a range's the sum of its months' links whose previous
 * month lies before the range (each source's first month in it). The rows read are at most
 * (months in the range)² per kind and value, whatever the archive's size. Sources marked since the
 * last fold (SourceMonthChange) are recounted from their pairs and their stored months taken out,
 * so the answer is exact between folds.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** What a source counts as (sourcedesk_source_kinds): "missing" = anonymous with no stated reason. */
export type SourceKind = "anonymous" | "missing" | "unrecorded" | "person" | `gender:${string}`;
/** The breakdowns the months are kept for ("" = every article). */
export type SourceMonthDimension = "" | "outlet" | "desk";

export interface SourceMonthRow {
  kind: SourceKind;
  dimension: SourceMonthDimension;
  value: string | null;
  /** The month, "YYYY-MM-DD"; null for the whole range. */
  month: string | null;
  sources: number;
}

const DAY = 86_400_000;
const isMonthStart = (day: string) => day.endsWith("-01");
const isMonthEnd = (day: string) =>
  isMonthStart(new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10));

/**
 * The months answer a query counted by month over whole months (an open end is whole too). A
 * range cut mid-month, or a weekly series, reads the pairs instead.
 */
export function sourceMonthsCover(f: { interval: TrendInterval; from?: string; to?: string }): boolean {
  return f.interval === "month" && (!f.from || isMonthStart(f.from)) && (!f.to || isMonthEnd(f.to));
}

/** Which kinds to count in which dimensions (a trend needs "unrecorded" only over everything). */
export interface SourceMonthSet {
  kinds: SourceKind[];
  dimensions: SourceMonthDimension[];
}

export function sourceMonthCountsQuery(options: { sets: SourceMonthSet[]; from?: string; to?: string }): Sql {
  const { sets, from, to } = options;
  const inRange = (month: Sql) =>
    Prisma.join(
      [
        sql`TRUE`,
        ...(from ? [sql`${month} >= CAST(${from} AS date)`] : []),
        ...(to ? [sql`${month} <= CAST(${to} AS date)`] : []),
      ],
      " AND ",
    );
  const picked = (kind: Sql, dimension: Sql) =>
    sql`(${Prisma.join(
      sets.map(
        (set) =>
          sql`(${kind} = ANY(CAST(${set.kinds} AS text[])) AND ${dimension} = ANY(CAST(${set.dimensions} AS text[])))`,
      ),
      " OR ",
    )})`;
  // A link from before the range (or none: the source's first month) opens the source's months in it.
  const opens = from ? sql`(l.previous IS NULL OR l.previous < CAST(${from} AS date))` : sql`l.previous IS NULL`;
  return sql`
    WITH dirty AS (SELECT DISTINCT "sourceId" AS id FROM "SourceMonthChange"),
    folded AS (
      SELECT m."sourceId" AS source_id, k AS kind, c.dimension, c.value, c.month
      FROM "SourceMonths" m JOIN dirty ON dirty.id = m."sourceId"
      CROSS JOIN unnest(m.kinds) AS k
      CROSS JOIN unnest(m.dimensions, m."values", m.months) AS c(dimension, value, month)
      WHERE ${picked(sql`k`, sql`c.dimension`)} AND ${inRange(sql`c.month`)}),
    current AS (
      SELECT c.source_id, k AS kind, c.dimension, c.value, c.month
      FROM sourcedesk_waiting_source_cells() c CROSS JOIN unnest(c.kinds) AS k
      WHERE ${picked(sql`k`, sql`c.dimension`)} AND ${inRange(sql`c.month`)}),
    counts AS (
      SELECT l.kind, l.dimension, l.value, l.month, sum(l.n) AS n FROM "SourceMonthLink" l
      WHERE ${picked(sql`l.kind`, sql`l.dimension`)} AND ${inRange(sql`l.month`)} GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT l.kind, l.dimension, l.value, NULL, sum(l.n) FROM "SourceMonthLink" l
      WHERE ${picked(sql`l.kind`, sql`l.dimension`)} AND ${inRange(sql`l.month`)} AND ${opens} GROUP BY 1, 2, 3
      UNION ALL
      SELECT kind, dimension, value, month, count(*) FROM current GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT kind, dimension, value, month, -count(*) FROM folded GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT kind, dimension, value, NULL, count(DISTINCT source_id) FROM current GROUP BY 1, 2, 3
      UNION ALL
      SELECT kind, dimension, value, NULL, -count(DISTINCT source_id) FROM folded GROUP BY 1, 2, 3)
    SELECT kind, dimension, value, to_char(month, 'YYYY-MM-DD') AS month, CAST(sum(n) AS int) AS sources
    FROM counts GROUP BY kind, dimension, value, month HAVING sum(n) <> 0`;
}
