import { Prisma } from "@/lib/generated/prisma/client";
import { statedTextSql } from "@/lib/text/stated-text-sql";
import { periodStartSql, periodText } from "./period-sql";
import type { TrendInterval } from "./schema";

const sql = Prisma.sql;

/** An anonymous source with no stated reason for its anonymity: a reviewer should ask why. */
export const MISSING_REASON = sql`${statedTextSql(sql`s."anonymityReason"`)} IS NULL`;

export interface MissingReasonRow {
  period: string | null;
  group: string | null;
  /** GROUPING(period, group): 0 per period and group, 2 a group over the whole range, 3 everything. */
  level: number;
  sources: number;
}

export interface AnonymousFacts {
  /** Distinct anonymous sources with no stated reason, per period and group, per group and overall. */
  buckets: MissingReasonRow[];
  missingArticles: number;
  /** The articles quoting such sources, most such sources first (at most `limit`). */
  missingItems: { id: string; title: string; date: string; sources: number }[];
  /** Anonymous sources whose identity no editor knows (identityKnownToNewsroom false). */
  identities: { id: string; name: string; type: string; articles: number; claims: number }[];
  /** Anonymous sources nobody recorded either way (null): counted only, so no sort over them. */
  notRecorded: number;
}

/**
 * Everything the trends need about the selection's anonymous sources, from ONE pass over `uses`:
 * rows (article_id, article_date, group, source_id, claims) — an anonymous source quoted by
 * `claims` claims of an article — joined once to the anonymous sources (whose "no stated reason"
 * is tested once per source, not per row), materialised, then aggregated three ways: the series'
 * "no stated reason" counts (one source quoted in two months counts once in a total, so totals are
 * not sums), and two policy checks. Only the rows some figure needs are kept (no reason, or an
 * identity not known to be known), and a row's period is computed only where it is grouped by.
 */
export function anonymousFactsOf({
  uses,
  interval,
  limit,
}: {
  uses: Prisma.Sql;
  interval: TrendInterval;
  limit: number;
}) {
  const period = periodStartSql(interval, sql`article_date`);
  return sql`
    WITH flagged AS MATERIALIZED (
      SELECT s.id, ${MISSING_REASON} AS missing, s."identityKnownToNewsroom" AS known
      FROM "Source" s WHERE s.type IN ('anonymous_individual', 'anonymous_group')),
    anon AS MATERIALIZED (
      SELECT u.article_id, u.article_date, u."group", u.source_id, u.claims, f.missing, f.known
      FROM (${uses}) u JOIN flagged f ON f.id = u.source_id
      WHERE f.missing OR f.known IS NOT TRUE),
    buckets AS (
      SELECT ${periodText(sql`period`)} AS period, "group", level, sources FROM (
        SELECT ${period} AS period, "group", CAST(GROUPING(${period}, "group") AS int) AS level,
          CAST(count(DISTINCT source_id) AS int) AS sources
        FROM anon WHERE missing GROUP BY GROUPING SETS ((${period}, "group"), ("group"), ())) g),
    articles AS (
      SELECT article_id AS id, min(article_date) AS date, CAST(count(DISTINCT source_id) AS int) AS sources
      FROM anon WHERE missing GROUP BY article_id),
    identities AS (
      SELECT source_id AS id, CAST(count(DISTINCT article_id) AS int) AS articles, CAST(sum(claims) AS int) AS claims
      FROM anon WHERE known = false GROUP BY source_id)
    SELECT
      (SELECT coalesce(json_agg(b), '[]') FROM buckets b) AS buckets,
      (SELECT CAST(count(*) AS int) FROM articles) AS "missingArticles",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT ar.id, ar.title, to_char(top.date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS date, top.sources
        FROM (SELECT * FROM articles ORDER BY sources DESC, date DESC, id LIMIT ${limit}) top
        JOIN "Article" ar ON ar.id = top.id
        ORDER BY top.sources DESC, top.date DESC, ar.id) x) AS "missingItems",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT s.id, s.name, CAST(s.type AS text) AS type, i.articles, i.claims
        FROM identities i JOIN "Source" s ON s.id = i.id ORDER BY i.claims DESC, s.name, s.id) x) AS identities,
      (SELECT CAST(count(*) AS int) FROM (SELECT source_id FROM anon WHERE known IS NULL GROUP BY source_id) n) AS "notRecorded"`;
}
