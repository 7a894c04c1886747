import { modeMask, sourceTypeMask } from "@/lib/claims/facet-masks";
import { ANONYMOUS_ONLY, ARTICLE_DATE, anyBit, articleCondition, claimCondition } from "@/lib/claims/filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANONYMOUS_SOURCE_TYPES, SOURCE_TYPES } from "@/lib/sources/source-types";
import type { TrendGrouping, TrendInterval } from "./schema";

/**
 * The trends' SQL. Claim counts read only the claim's facet columns (articleDate, the type and
 * mode masks, secondHand), through the explorer's own WHERE builder, so a trend and the explorer
 * always count the same claims; the article is joined only for a breakdown. Sentences read
 * Statement.sourced. Values that reach the SQL as text (interval, grouping, masks) come from enums.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

export const ANONYMOUS_MASK = sourceTypeMask(ANONYMOUS_SOURCE_TYPES);

const bucket = (interval: TrendInterval, date: Sql) =>
  sql`to_char(date_trunc(${Prisma.raw(`'${interval}'`)}, ${date}), 'YYYY-MM-DD')`;

/** The article column a breakdown groups by, or a constant without one. */
export const groupColumn = (by: TrendGrouping | undefined) => Prisma.raw(by ? `ar."${by}"` : "CAST(NULL AS text)");
const joinArticle = (by: TrendGrouping | undefined) =>
  by ? sql`JOIN "Article" ar ON ar.id = c."articleId"` : Prisma.empty;

const countIf = (name: string, condition: Sql) =>
  sql`CAST(count(*) FILTER (WHERE ${condition}) AS int) AS ${Prisma.raw(`"${name}"`)}`;

export interface ClaimBucketRow {
  period: string;
  group: string | null;
  claims: number;
  attributed: number;
  anonymousOnly: number;
  secondHand: number;
  [typeOrMode: string]: number | string | null;
}

/** Claims per period (and group): totals, anonymous-only, second-hand, and each source type and mode. */
export function claimBucketsQuery(f: ClaimFilters, interval: TrendInterval, by?: TrendGrouping): Sql {
  const perType = SOURCE_TYPES.map((t) => countIf(`type:${t}`, anyBit("sourceTypeMask", sourceTypeMask([t]))));
  const perMode = ATTRIBUTION_MODES.map((m) => countIf(`mode:${m}`, anyBit("modeMask", modeMask([m]))));
  return sql`
    SELECT ${bucket(interval, sql`c."articleDate"`)} AS period, ${groupColumn(by)} AS "group",
      CAST(count(*) AS int) AS claims, ${countIf("attributed", sql`c."sourceTypeMask" <> 0`)},
      ${countIf("anonymousOnly", ANONYMOUS_ONLY)}, ${countIf("secondHand", sql`c."secondHand"`)},
      ${Prisma.join([...perType, ...perMode])}
    FROM "Claim" c ${joinArticle(by)}
    WHERE ${claimCondition(f)}
    GROUP BY 1, 2`;
}

export interface SentenceBucketRow {
  period: string;
  group: string | null;
  sentences: number;
  unsourced: number;
}

/**
 * Sentences and unsourced sentences per period (and group). Only the article filters (articleId,
 * from, to) apply: the others select claims, and a sentence nobody attributed has none.
 */
export function sentenceBucketsQuery(f: ClaimFilters, interval: TrendInterval, by?: TrendGrouping): Sql {
  return sql`
    SELECT ${bucket(interval, ARTICLE_DATE)} AS period, ${groupColumn(by)} AS "group",
      CAST(count(*) AS int) AS sentences, CAST(count(*) FILTER (WHERE NOT st.sourced) AS int) AS unsourced
    FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId"
    WHERE st.kind = 'sentence' AND ${articleCondition(f)}
    GROUP BY 1, 2`;
}

/** An anonymous source with no stated reason for its anonymity: a reviewer should ask why. */
export const MISSING_REASON = sql`s.type IN ('anonymous_individual', 'anonymous_group') AND coalesce(btrim(s."anonymityReason"), '') = ''`;

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
 * Everything the trends need about the matching claims' anonymous sources, from ONE pass over
 * claims × attributions × sources (materialised, then aggregated three ways): the series'
 * "no stated reason" counts (one source quoted in two months counts once in a total, so totals
 * are not sums), and two policy checks. The mask test skips claims with no anonymous source
 * before any attribution is read.
 */
export function anonymousFactsQuery(
  f: ClaimFilters,
  options: { interval: TrendInterval; by?: TrendGrouping; limit: number },
): Sql {
  return sql`
    WITH anon AS MATERIALIZED (
      SELECT c.id AS claim_id, c."articleId" AS article_id, c."articleDate" AS article_date,
        ${bucket(options.interval, sql`c."articleDate"`)} AS period, ${groupColumn(options.by)} AS "group",
        a."sourceId" AS source_id, ${MISSING_REASON} AS missing, s."identityKnownToNewsroom" AS known
      FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId" ${joinArticle(options.by)}
      WHERE ${claimCondition(f)} AND ${anyBit("sourceTypeMask", ANONYMOUS_MASK)}
        AND s.type IN ('anonymous_individual', 'anonymous_group')),
    buckets AS (
      SELECT period, "group", CAST(GROUPING(period, "group") AS int) AS level, CAST(count(DISTINCT source_id) AS int) AS sources
      FROM anon WHERE missing GROUP BY GROUPING SETS ((period, "group"), ("group"), ())),
    articles AS (
      SELECT article_id AS id, min(article_date) AS date, CAST(count(DISTINCT source_id) AS int) AS sources
      FROM anon WHERE missing GROUP BY article_id),
    identities AS (
      SELECT source_id AS id, CAST(count(DISTINCT article_id) AS int) AS articles, CAST(count(DISTINCT claim_id) AS int) AS claims
      FROM anon WHERE known = false GROUP BY source_id)
    SELECT
      (SELECT coalesce(json_agg(b), '[]') FROM buckets b) AS buckets,
      (SELECT CAST(count(*) AS int) FROM articles) AS "missingArticles",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT ar.id, ar.title, to_char(articles.date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS date, articles.sources
        FROM articles JOIN "Article" ar ON ar.id = articles.id
        ORDER BY articles.sources DESC, articles.date DESC, ar.id LIMIT ${options.limit}) x) AS "missingItems",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT s.id, s.name, CAST(s.type AS text) AS type, i.articles, i.claims
        FROM identities i JOIN "Source" s ON s.id = i.id ORDER BY i.claims DESC, s.name, s.id) x) AS identities,
      (SELECT CAST(count(*) AS int) FROM (SELECT source_id FROM anon WHERE known IS NULL GROUP BY source_id) n) AS "notRecorded"`;
}
