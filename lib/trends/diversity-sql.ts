import { sourceTypeMask } from "@/lib/claims/facet-masks";
import { anyBit, claimCondition, dateRange } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Gender } from "@/lib/generated/prisma/enums";
import { GENDERS } from "@/lib/sources/genders";
import { column, counterColumn } from "./count-columns";
import type { TrendInterval } from "./schema";
import { ANONYMOUS_MASK, bucket } from "./trend-sql";

/**
 * Who we quote, as rows: distinct people (or anonymous sources) and the claims quoting them, per
 * grouping set of (period, desk[, gender]) — `level` is GROUPING(…), 1 bits for what is summed
 * over. Two ways to the same rows: from the claims (any filter), or from the count tables
 * (ArticleSourceCount for the distinct sources, TrendCount for the claims) when the filter is a
 * date range only.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

export interface DiversityRow {
  period: string | null;
  desk: string | null;
  gender: Gender | null;
  level: number;
  people: number;
  claims: number;
}

/** The grouping sets: per period and desk, per period, overall; with gender: each of those by gender too. */
const PEOPLE_SETS = (p: Sql, d: Sql) =>
  sql`GROUPING SETS ((${p}, ${d}, s.gender), (${p}, s.gender), (s.gender), (${p}, ${d}), (${p}), ())`;
const ANONYMOUS_SETS = (p: Sql, d: Sql) => sql`GROUPING SETS ((${p}, ${d}), (${p}), ())`;

const PERSON_MASK = sourceTypeMask(["person"]);
const ANONYMOUS_TYPES = sql`('anonymous_individual', 'anonymous_group')`;

/** From the claims: each claim's sources (Claim.sourceIds / sourceTypes), the desk from ArticleCounts. */
export function claimDiversityQueries(f: ClaimFilters, interval: TrendInterval) {
  const period = bucket(interval, sql`c."articleDate"`);
  const desk = sql`ac.desk`;
  const quoted = (types: Sql, mask: number) => sql`
    FROM "Claim" c CROSS JOIN LATERAL unnest(c."sourceIds", c."sourceTypes") AS x(source_id, source_type)
      JOIN "Source" s ON s.id = x.source_id JOIN "ArticleCounts" ac ON ac."articleId" = c."articleId"
    WHERE ${claimCondition(f)} AND ${anyBit("sourceTypeMask", mask)} AND x.source_type IN ${types}`;
  return {
    people: sql`
      SELECT ${period} AS period, ${desk} AS desk, CAST(s.gender AS text) AS gender,
        CAST(GROUPING(${period}, ${desk}, s.gender) AS int) AS level,
        CAST(count(DISTINCT s.id) AS int) AS people, CAST(count(DISTINCT c.id) AS int) AS claims
      ${quoted(sql`('person')`, PERSON_MASK)}
      GROUP BY ${PEOPLE_SETS(period, desk)}`,
    anonymous: sql`
      SELECT ${period} AS period, ${desk} AS desk, NULL AS gender, CAST(GROUPING(${period}, ${desk}) AS int) AS level,
        CAST(count(DISTINCT s.id) AS int) AS people, CAST(count(DISTINCT c.id) AS int) AS claims
      ${quoted(ANONYMOUS_TYPES, ANONYMOUS_MASK)}
      GROUP BY ${ANONYMOUS_SETS(period, desk)}`,
    /** Distinct people quoted, with their attributes. */
    quotedPeople: sql`SELECT DISTINCT s.id, s.attributes ${quoted(sql`('person')`, PERSON_MASK)}`,
  };
}

/** From the counts: distinct sources from the article-source pairs, claims from the day cells. */
export function countedDiversityQueries(f: ClaimFilters, interval: TrendInterval) {
  const period = bucket(interval, sql`p.date`);
  const desk = sql`p.desk`;
  const pairs = (types: Sql) => sql`
    FROM "ArticleSourceCount" p JOIN "Source" s ON s.id = p."sourceId"
    WHERE ${Prisma.join([sql`p."sourceType" IN ${types}`, ...dateRange(sql`p.date`, f)], " AND ")}`;
  const t = (name: string) => column("t", name);
  const cellPeriod = bucket(interval, sql`t.day`);
  const cellSums = Prisma.join([
    sql`CAST(sum(${t("typePerson")}) AS int) AS person`,
    sql`CAST(sum(${t("anonymousAny")}) AS int) AS anonymous`,
    ...GENDERS.map((g) => sql`CAST(sum(${t(counterColumn("gender", g))}) AS int) AS ${Prisma.raw(`"${g}"`)}`),
  ]);
  const where = (dimension: string) =>
    Prisma.join([sql`t.dimension = ${dimension}`, ...dateRange(sql`t.day`, f)], " AND ");
  return {
    people: sql`
      SELECT ${period} AS period, ${desk} AS desk, CAST(s.gender AS text) AS gender,
        CAST(GROUPING(${period}, ${desk}, s.gender) AS int) AS level, CAST(count(DISTINCT p."sourceId") AS int) AS people
      ${pairs(sql`('person')`)}
      GROUP BY ${PEOPLE_SETS(period, desk)}`,
    anonymous: sql`
      SELECT ${period} AS period, ${desk} AS desk, CAST(GROUPING(${period}, ${desk}) AS int) AS level,
        CAST(count(DISTINCT p."sourceId") AS int) AS people
      ${pairs(ANONYMOUS_TYPES)}
      GROUP BY ${ANONYMOUS_SETS(period, desk)}`,
    /** Claims quoting a person (of each gender) or an anonymous source, per period and desk (level 0), per period (1), overall (3). */
    claims: sql`
      SELECT ${cellPeriod} AS period, t.value AS desk, 0 AS level, ${cellSums} FROM "TrendCount" t WHERE ${where("desk")} GROUP BY 1, 2
      UNION ALL
      SELECT ${cellPeriod}, NULL, 1, ${cellSums} FROM "TrendCount" t WHERE ${where("")} GROUP BY 1
      UNION ALL
      SELECT NULL, NULL, 3, ${cellSums} FROM "TrendCount" t WHERE ${where("")}`,
    quotedPeople: sql`SELECT DISTINCT s.id, s.attributes ${pairs(sql`('person')`)}`,
  };
}
