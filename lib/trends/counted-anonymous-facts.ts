import { dateRange } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnonymousFacts, MissingReasonRow } from "./anonymous-facts-sql";
import type { AggregateReader } from "./read-aggregate";
import type { TrendGrouping, TrendInterval } from "./schema";
import { type SourceMonthRow, sourceMonthCountsQuery, sourceMonthsCover } from "./source-months-sql";

const sql = Prisma.sql;
const ANONYMOUS_TYPES = sql`('anonymous_individual', 'anonymous_group')`;

interface Options {
  filters: ClaimFilters;
  interval: TrendInterval;
  by?: TrendGrouping;
  /** Groups folded into OTHER_GROUP (their distinct sources are not a sum of theirs). */
  top: string[] | null;
  limit: number;
}

/**
 * Whether the anonymous facts of a date range can come from the source months: whole months,
 * monthly, broken down by nothing, outlet or desk (the months are not kept per author), and no
 * groups folded together.
 */
export function countedAnonymousFactsCover({ filters, interval, by, top }: Omit<Options, "limit">): boolean {
  return sourceMonthsCover({ interval, ...filters }) && by !== "author" && !top;
}

/**
 * The policy lists without the series: how many articles quote a no-reason source from their day
 * counts (MissingReasonCount: a row per day), the 50 quoting most of them from their own counts
 * (ArticleCounts.missingReason, walked in that order down a partial index until 50 are in the
 * range), and the sources nobody knows the identity of from their pairs alone (a partial index
 * finds them: the list holds them all).
 */
export function policyListsQuery(f: ClaimFilters, limit: number) {
  return sql`
    WITH top AS (
      SELECT ac."articleId" AS id, ac.date, ac."missingReason" AS sources FROM "ArticleCounts" ac
      WHERE ${Prisma.join([sql`ac."missingReason" > 0`, ...dateRange(sql`ac.date`, f)], " AND ")}
      ORDER BY ac."missingReason" DESC, ac.date DESC, ac."articleId" LIMIT ${limit}),
    identities AS (
      SELECT s.id, s.name, CAST(s.type AS text) AS type, CAST(count(DISTINCT p."articleId") AS int) AS articles,
        CAST(sum(p.claims) AS int) AS claims
      FROM "Source" s JOIN "ArticleSourceCount" p ON p."sourceId" = s.id
      WHERE ${Prisma.join(
        [
          sql`s."identityKnownToNewsroom" = false AND s.type IN ${ANONYMOUS_TYPES} AND p."sourceType" IN ${ANONYMOUS_TYPES}`,
          ...dateRange(sql`p.date`, f),
        ],
        " AND ",
      )}
      GROUP BY s.id, s.name, s.type)
    SELECT
      (SELECT CAST(coalesce(sum(m.n), 0) AS int) FROM "MissingReasonCount" m
        WHERE ${Prisma.join([sql`TRUE`, ...dateRange(sql`m.day`, f)], " AND ")}) AS "missingArticles",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT ar.id, ar.title, to_char(top.date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS date, top.sources
        FROM top JOIN "Article" ar ON ar.id = top.id
        ORDER BY top.sources DESC, top.date DESC, ar.id) x) AS "missingItems",
      (SELECT coalesce(json_agg(i ORDER BY i.claims DESC, i.name, i.id), '[]') FROM identities i) AS identities`;
}

/** The series' no-reason counts (levels as anonymousFactsOf's GROUPING) from the source months' rows. */
function missingBuckets(rows: SourceMonthRow[], by: TrendGrouping | undefined): MissingReasonRow[] {
  const out: MissingReasonRow[] = [];
  for (const r of rows) {
    if (r.kind !== "missing") continue;
    const group = by ? r.value : null;
    if (r.dimension === (by ?? "")) out.push({ period: r.month, group, level: r.month ? 0 : 2, sources: r.sources });
    if (r.dimension === "" && !r.month) out.push({ period: null, group: null, level: 3, sources: r.sources });
  }
  return out;
}

/** The anonymous facts (see anonymousFactsOf) of every claim in a range of whole months, from the counts. */
export async function readCountedAnonymousFacts(
  reader: AggregateReader,
  { filters, by, limit }: Options,
): Promise<AnonymousFacts> {
  const months = sourceMonthCountsQuery({
    // The not-recorded identities are one figure over the range: no breakdown.
    sets: [
      { kinds: ["missing"], dimensions: by ? [by as "outlet" | "desk", ""] : [""] },
      { kinds: ["unrecorded"], dimensions: [""] },
    ],
    from: filters.from,
    to: filters.to,
  });
  const [rows, [lists]] = await Promise.all([
    reader.read<SourceMonthRow>(months),
    reader.read<Omit<AnonymousFacts, "buckets" | "notRecorded">>(policyListsQuery(filters, limit)),
  ]);
  const notRecorded = rows.find((r) => r.kind === "unrecorded" && r.dimension === "" && !r.month)?.sources ?? 0;
  return { ...lists, buckets: missingBuckets(rows, by), notRecorded };
}
