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

/**
 * The matching claims' attributions to anonymous sources. The mask test lets the planner skip
 * every claim with no anonymous source before touching an attribution.
 */
export const anonymousAttributions = (f: ClaimFilters, { withArticle }: { withArticle: boolean }) => sql`
    FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId"
      ${withArticle ? sql`JOIN "Article" ar ON ar.id = c."articleId"` : Prisma.empty}
    WHERE ${claimCondition(f)} AND ${anyBit("sourceTypeMask", ANONYMOUS_MASK)}`;

export interface MissingReasonRow {
  period: string | null;
  group: string | null;
  /** GROUPING(period, group): 0 per period and group, 2 a group over the whole range, 3 everything. */
  level: number;
  sources: number;
}

/**
 * Distinct anonymous sources with no stated reason per period and group, per group and overall
 * (one source quoted in two months counts once in the total, so totals are not sums).
 */
export function missingReasonBucketsQuery(f: ClaimFilters, interval: TrendInterval, by?: TrendGrouping): Sql {
  const period = bucket(interval, sql`c."articleDate"`);
  const group = groupColumn(by);
  return sql`
    SELECT ${period} AS period, ${group} AS "group", CAST(GROUPING(${period}, ${group}) AS int) AS level,
      CAST(count(DISTINCT a."sourceId") AS int) AS sources
    ${anonymousAttributions(f, { withArticle: Boolean(by) })} AND ${MISSING_REASON}
    GROUP BY GROUPING SETS ((${period}, ${group}), (${group}), ())`;
}
