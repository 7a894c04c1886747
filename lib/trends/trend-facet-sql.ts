import {
  countTablesCover,
  edgeConditions,
  FACET_KEYS,
  monthConditions,
  splitRange,
} from "@/lib/claims/facet-count-tables";
import { modeMask, sourceTypeMask } from "@/lib/claims/facet-masks";
import { ANONYMOUS_ONLY, anyBit, claimCondition } from "@/lib/claims/filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import type { TrendGrouping, TrendInterval } from "./schema";

/**
 * The trends' claim counts under the explorer's low-cardinality filters (source type, anonymity,
 * mode, second-hand, review status, dates) from count cells instead of the claims (migration
 * trend_facet_counts): ClaimFacetCount for the unbroken series, TrendFacetCount per outlet, author
 * or desk. A cell is (month, value, source-type mask, mode mask, review status, second-hand) and
 * its claims; every figure of the series is a function of those keys, so the claim filter's own
 * WHERE builder (claimCondition, on columns of the same names) selects the cells and the figures
 * are sums of their n. Days at either edge of a range that cuts a month are read from the claims
 * (at most two partial months), as the explorer's facet counts do.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** Monthly, and every filter is a cell key or a date range (text search, articles, affiliations are not). */
export function trendFacetCellsCover(f: ClaimFilters, interval: TrendInterval): boolean {
  return interval === "month" && countTablesCover(f);
}

/** Rows (month, value, keys, n) standing for the claims of the date range. */
function cellRows(f: ClaimFilters, by: TrendGrouping | undefined): Sql {
  const { months, edges } = splitRange(f.from, f.to);
  const parts: Sql[] = [];
  if (months) {
    const conditions = monthConditions(months);
    parts.push(
      by
        ? sql`SELECT month, value, ${FACET_KEYS}, n FROM "TrendFacetCount"
            WHERE ${Prisma.join([sql`dimension = ${by}`, ...conditions], " AND ")}`
        : sql`SELECT month, CAST(NULL AS text) AS value, ${FACET_KEYS}, n FROM "ClaimFacetCount"
            WHERE ${conditions.length ? Prisma.join(conditions, " AND ") : sql`TRUE`}`,
    );
  }
  for (const edge of edges) {
    const range = edgeConditions(edge);
    const value = by ? Prisma.raw(`ac."${by}"`) : sql`CAST(NULL AS text)`;
    const join = by ? sql`JOIN "ArticleCounts" ac ON ac."articleId" = c."articleId"` : Prisma.empty;
    parts.push(sql`SELECT CAST(date_trunc('month', c."articleDate") AS date) AS month, ${value} AS value,
      c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand", 1 AS n
      FROM "Claim" c ${join} WHERE ${Prisma.join(range, " AND ")}`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

const sumIf = (name: string, condition: Sql) =>
  sql`CAST(coalesce(sum(c.n) FILTER (WHERE ${condition}), 0) AS int) AS ${Prisma.raw(`"${name}"`)}`;

/**
 * Claims per month (and group) with the columns of claimBucketsQuery, summed over the cells the
 * filter selects. A cell whose rows cancel out (claims moved since the last compaction) is no group.
 */
export function facetBucketsQuery(f: ClaimFilters, { by }: { by?: TrendGrouping }): Sql {
  const perType = SOURCE_TYPES.map((t) => sumIf(`type:${t}`, anyBit("sourceTypeMask", sourceTypeMask([t]))));
  const perMode = ATTRIBUTION_MODES.map((m) => sumIf(`mode:${m}`, anyBit("modeMask", modeMask([m]))));
  // The dates are the cells' months and edges: the claim condition tests only the keys.
  const keys = claimCondition({ ...f, from: undefined, to: undefined });
  return sql`
    SELECT to_char(c.month, 'YYYY-MM-DD') AS period, c.value AS "group",
      CAST(sum(c.n) AS int) AS claims, ${sumIf("attributed", sql`c."sourceTypeMask" <> 0`)},
      ${sumIf("anonymousOnly", ANONYMOUS_ONLY)}, ${sumIf("secondHand", sql`c."secondHand"`)},
      ${Prisma.join([...perType, ...perMode])}
    FROM (${cellRows(f, by)}) c
    WHERE ${keys}
    GROUP BY 1, 2
    HAVING sum(c.n) <> 0`;
}
