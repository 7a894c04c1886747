import { dateRange } from "@/lib/claims/filter-sql";
import { ATTRIBUTION_MODES, CLAIM_ONLY_FILTERS, type ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { anonymousFactsOf } from "./anonymous-facts-sql";
import { column, counterColumn } from "./count-columns";
import type { TrendGrouping, TrendInterval } from "./schema";
import { bucket, type GroupOptions, groupColumn } from "./trend-sql";

interface BucketOptions {
  interval: TrendInterval;
  by?: TrendGrouping;
}

/**
 * The trends' SQL over the count tables (migration trend_counts), for selections the tables hold
 * whole: every claim of the articles in a date range. The series sum TrendCount's cells (a few
 * thousand rows per breakdown, whatever the archive's size), the distinct-source figures read
 * ArticleSourceCount (one row per article and source), the single-source check ArticleCounts.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** No filter picks claims within an article: the counts hold the answer exactly. */
export function trendCountsCover(f: ClaimFilters): boolean {
  const claimOnly = CLAIM_ONLY_FILTERS.some((k) => f[k] !== undefined && (!Array.isArray(f[k]) || f[k].length > 0));
  return !claimOnly && !f.q && !f.articleId?.length && f.unsourced !== true;
}

const and = (parts: Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : sql`TRUE`);
const sum = (expr: Sql, name: string) => sql`CAST(sum(${expr}) AS int) AS ${Prisma.raw(`"${name}"`)}`;

/**
 * Claims and sentences per period and group, with the same columns as claimBucketsQuery and
 * sentenceBucketsQuery together.
 */
export function countedBucketsQuery(f: ClaimFilters, { interval, by }: BucketOptions): Sql {
  const t = (name: string) => column("t", name);
  return sql`
    SELECT ${bucket(interval, sql`t.day`)} AS period, ${by ? sql`t.value` : sql`CAST(NULL AS text)`} AS "group",
      ${Prisma.join([
        sum(t("claims"), "claims"),
        sum(t("attributed"), "attributed"),
        sum(t("anonymousOnly"), "anonymousOnly"),
        sum(t("secondHand"), "secondHand"),
        ...SOURCE_TYPES.map((v) => sum(t(counterColumn("type", v)), `type:${v}`)),
        ...ATTRIBUTION_MODES.map((v) => sum(t(counterColumn("mode", v)), `mode:${v}`)),
        sum(t("sentences"), "sentences"),
        sum(t("unsourced"), "unsourced"),
      ])}
    FROM "TrendCount" t
    WHERE ${and([sql`t.dimension = ${by ?? ""}`, ...dateRange(sql`t.day`, f)])}
    GROUP BY 1, 2
    -- Cells whose rows cancel out (an article moved or deleted since the last compaction) are no group.
    HAVING sum(t.claims) <> 0 OR sum(t.sentences) <> 0`;
}

/** Sentences and unsourced sentences per period (and group) of the articles a filter names, from ArticleCounts. */
function articleSentenceBucketsQuery(f: ClaimFilters, { interval, by }: BucketOptions): Sql {
  const conditions = [...dateRange(sql`ac.date`, f)];
  if (f.articleId?.length) conditions.push(sql`ac."articleId" = ANY(CAST(${f.articleId} AS uuid[]))`);
  return sql`
    SELECT ${bucket(interval, sql`ac.date`)} AS period, ${groupColumn({ by })} AS "group",
      CAST(sum(ac.sentences) AS int) AS sentences, CAST(sum(ac.unsourced) AS int) AS unsourced
    FROM "ArticleCounts" ac WHERE ${and(conditions)} GROUP BY 1, 2`;
}

/** Sentences per period and group: the cells, unless articles are named (their own rows then). */
export function sentenceBucketsQuery(f: ClaimFilters, { interval, by }: BucketOptions): Sql {
  if (f.articleId?.length) return articleSentenceBucketsQuery(f, { interval, by });
  return sql`
    SELECT ${bucket(interval, sql`t.day`)} AS period, ${by ? sql`t.value` : sql`CAST(NULL AS text)`} AS "group",
      CAST(sum(t.sentences) AS int) AS sentences, CAST(sum(t.unsourced) AS int) AS unsourced
    FROM "TrendCount" t WHERE ${and([sql`t.dimension = ${by ?? ""}`, ...dateRange(sql`t.day`, f)])}
    GROUP BY 1, 2 HAVING sum(t.sentences) <> 0`;
}

/** The anonymous facts of every claim in the date range, from the article-source pairs. */
export function countedAnonymousFactsQuery(
  f: ClaimFilters,
  options: { interval: TrendInterval; limit: number } & GroupOptions,
): Sql {
  return anonymousFactsOf({
    ...options,
    uses: sql`
      SELECT p."articleId" AS article_id, p.date AS article_date,
        ${groupColumn({ by: options.by, top: options.top, alias: "p" })} AS "group", p."sourceId" AS source_id, p.claims
      FROM "ArticleSourceCount" p
      WHERE ${and([sql`p."sourceType" IN ('anonymous_individual', 'anonymous_group')`, ...dateRange(sql`p.date`, f)])}`,
  });
}
