import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANONYMOUS_SOURCE_TYPES, SOURCE_TYPES } from "@/lib/sources/source-types";
import { claimCondition, unsourcedCondition } from "./filter-sql";
import { ATTRIBUTION_MODES, REVIEW_STATUSES, type ClaimFilters } from "./schema";

const sql = Prisma.sql;

export interface FacetValue { value: string; label?: string; count: number }
export type ClaimFacets = Awaited<ReturnType<typeof findClaimFacets>>;

/** How many of the open-ended values (affiliations, articles) a facet lists, most frequent first. */
const TOP = 15;

type Facet = "sourceType" | "anonymous" | "affiliation" | "mode" | "via" | "reviewStatus" | "articleId";

/** A set of closed values as a bitmask (bit i = values[i]): no arrays to sort and compare per claim. */
const bitOf = (values: readonly string[], expr: Prisma.Sql) => sql`(1 << (array_position(CAST(${[...values]} AS text[]), CAST(${expr} AS text)) - 1))`;
const maskOf = (values: readonly string[], selected: readonly string[]) => selected.reduce((m, v) => m | (1 << values.indexOf(v)), 0);

/**
 * Whether per-claim row pc passes one facet's filter (TRUE when that filter is not set). pc holds
 * each claim's source types and modes (bitmasks) and affiliations, so one pass over the claims
 * serves every facet instead of a join and a count per facet.
 */
function passes(f: ClaimFilters, facet: Facet): Prisma.Sql {
  switch (facet) {
    case "sourceType": return f.sourceType?.length ? sql`(pc.types & ${maskOf(SOURCE_TYPES, f.sourceType)}) <> 0` : sql`TRUE`;
    case "anonymous": return f.anonymous === undefined ? sql`TRUE` : f.anonymous ? sql`(pc.attributions > 0 AND NOT pc.named)` : sql`pc.named`;
    case "affiliation":
      if (!f.affiliation?.length) return sql`TRUE`;
      return sql`EXISTS (SELECT 1 FROM unnest(pc.affiliations) x WHERE lower(x) = ANY(CAST(${f.affiliation.map((a) => a.toLowerCase())} AS text[])))`;
    case "mode": return f.mode?.length ? sql`(pc.modes & ${maskOf(ATTRIBUTION_MODES, f.mode)}) <> 0` : sql`TRUE`;
    case "via": return f.via === undefined ? sql`TRUE` : f.via ? sql`pc.via` : sql`NOT pc.via`;
    case "reviewStatus": return f.reviewStatus?.length ? sql`pc.review = ANY(CAST(${f.reviewStatus} AS text[]))` : sql`TRUE`;
    case "articleId": return f.articleId?.length ? sql`pc.article = ANY(CAST(${f.articleId} AS uuid[]))` : sql`TRUE`;
  }
}

const FACETS: Facet[] = ["sourceType", "anonymous", "affiliation", "mode", "via", "reviewStatus", "articleId"];
const othersThan = (f: ClaimFilters, facet: Facet | null) => Prisma.join(FACETS.filter((x) => x !== facet).map((x) => passes(f, x)), " AND ");

/** One row per value of a closed set, counted in a single pass with one FILTER per bit. */
function bitCounts(facet: Facet, column: string, values: readonly string[], where: Prisma.Sql) {
  const counts = Prisma.join(values.map((_, i) => sql`CAST(count(*) FILTER (WHERE (${Prisma.raw(column)} & ${1 << i}) <> 0) AS int)`), ", ");
  const names = Prisma.raw(values.map((_, i) => `n${i}`).join(", "));
  const pairs = Prisma.join(values.map((v, i) => sql`(CAST(${v} AS text), ${Prisma.raw(`x.n${i}`)})`), ", ");
  return sql`SELECT CAST(${facet} AS text), u.v, NULL, u.n FROM (SELECT ${counts} FROM pc WHERE ${where}) AS x(${names}), LATERAL (VALUES ${pairs}) AS u(v, n)`;
}

/**
 * Each filter value with the number of rows it would give under all the other filters (a claim
 * counts once per value even with several attributions of that value).
 */
export async function findClaimFacets(f: ClaimFilters) {
  // One hash aggregate over every matching claim: with PostgreSQL's default 4 MB of work_mem it
  // spilled to disk in 257 batches at 200k claims; SET LOCAL lifts it for this query only.
  const [, rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL work_mem = '64MB'`,
    db().$queryRaw<{ facet: string; value: string; label: string | null; count: number }[]>(facetCountsQuery(f)),
  ]);
  const [unsourced, statements] = await Promise.all([countUnsourced(f, "unsourced"), f.unsourced ? countUnsourced(f) : 0]);
  const of = (facet: string) => rows.filter((r) => r.facet === facet);
  const articles = await articleTitles([...of("articleId").map((r) => r.value), ...(f.articleId ?? [])]);
  const lower = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    total: f.unsourced ? statements : of("total")[0]?.count ?? 0,
    sourceType: complete(SOURCE_TYPES, of("sourceType")),
    anonymous: complete(["true", "false"], of("anonymous")),
    affiliation: withSelected(of("affiliation").map((r) => ({ value: r.label ?? r.value, count: r.count })), f.affiliation, lower),
    mode: complete(ATTRIBUTION_MODES, of("mode")),
    via: complete(["true", "false"], of("via")),
    reviewStatus: complete(REVIEW_STATUSES, of("reviewStatus")),
    articleId: withSelected(of("articleId").map((r) => ({ value: r.value, count: r.count })), f.articleId)
      .map((v) => ({ ...v, label: articles.get(v.value) ?? v.value })),
    unsourced,
  };
}

/** The one query behind every facet count (exported for the benchmark's raw-SQL and EXPLAIN runs). */
export function facetCountsQuery(f: ClaimFilters): Prisma.Sql {
  // Filters that are not facets (dates, search, unsourced) narrow the claims before anything is counted.
  const base = claimCondition({ from: f.from, to: f.to, q: f.q, unsourced: f.unsourced });
  // Without such a filter every claim matches: aggregate all attributions rather than semi-join them.
  const narrowed = Boolean(f.from || f.to || f.q || f.unsourced);
  // Per-claim aggregates from the attributions of the matching claims only (hash-grouped bitmasks:
  // array_agg(DISTINCT …) per claim sorted every group and took seconds at 200k claims).
  return sql`
    WITH matching AS (SELECT c.id, CAST(c."reviewStatus" AS text) AS review, c."articleId" AS article
      FROM "Claim" c JOIN "Article" ar ON ar.id = c."articleId" WHERE ${base}),
    agg AS (
      SELECT a."claimId" AS id, bit_or(${bitOf(SOURCE_TYPES, sql`s.type`)}) AS types, bit_or(${bitOf(ATTRIBUTION_MODES, sql`a.mode`)}) AS modes,
        array_agg(s.affiliation) FILTER (WHERE s.affiliation IS NOT NULL) AS affiliations,
        bool_or(NOT (s.type = ANY(CAST(${[...ANONYMOUS_SOURCE_TYPES]} AS "SourceType"[])))) AS named,
        bool_or(a."viaSourceId" IS NOT NULL) AS via, count(*) AS attributions
      FROM "Attribution" a JOIN "Source" s ON s.id = a."sourceId"
      WHERE ${narrowed ? sql`a."claimId" IN (SELECT id FROM matching)` : sql`TRUE`} GROUP BY a."claimId"),
    pc AS MATERIALIZED (
      SELECT m.id, m.review, m.article, coalesce(agg.types, 0) AS types, coalesce(agg.modes, 0) AS modes,
        coalesce(agg.affiliations, '{}') AS affiliations, coalesce(agg.named, FALSE) AS named, coalesce(agg.via, FALSE) AS via,
        coalesce(agg.attributions, 0) AS attributions
      FROM matching m LEFT JOIN agg ON agg.id = m.id)
    SELECT 'total' AS facet, '' AS value, NULL AS label, CAST(count(*) AS int) AS count FROM pc WHERE ${othersThan(f, null)}
    UNION ALL
    ${bitCounts("sourceType", "pc.types", SOURCE_TYPES, othersThan(f, "sourceType"))}
    UNION ALL
    (SELECT 'anonymous', 'true', NULL, CAST(count(*) FILTER (WHERE pc.attributions > 0 AND NOT pc.named) AS int) FROM pc WHERE ${othersThan(f, "anonymous")}
     UNION ALL SELECT 'anonymous', 'false', NULL, CAST(count(*) FILTER (WHERE pc.named) AS int) FROM pc WHERE ${othersThan(f, "anonymous")})
    UNION ALL
    (SELECT 'affiliation', lower(x), min(x), CAST(count(DISTINCT af.claim) AS int)
     FROM (SELECT pc.id AS claim, unnest(pc.affiliations) AS x FROM pc WHERE ${othersThan(f, "affiliation")}) af
     GROUP BY lower(x) ORDER BY lower(x) = ANY(CAST(${(f.affiliation ?? []).map((v) => v.toLowerCase())} AS text[])) DESC, 4 DESC, 2 LIMIT ${TOP})
    UNION ALL
    ${bitCounts("mode", "pc.modes", ATTRIBUTION_MODES, othersThan(f, "mode"))}
    UNION ALL
    (SELECT 'via', 'true', NULL, CAST(count(*) FILTER (WHERE pc.via) AS int) FROM pc WHERE ${othersThan(f, "via")}
     UNION ALL SELECT 'via', 'false', NULL, CAST(count(*) FILTER (WHERE NOT pc.via) AS int) FROM pc WHERE ${othersThan(f, "via")})
    UNION ALL
    SELECT 'reviewStatus', pc.review, NULL, CAST(count(*) AS int) FROM pc WHERE ${othersThan(f, "reviewStatus")} GROUP BY pc.review
    UNION ALL
    (SELECT 'articleId', CAST(pc.article AS text), NULL, CAST(count(*) AS int) FROM pc WHERE ${othersThan(f, "articleId")}
     GROUP BY pc.article ORDER BY pc.article = ANY(CAST(${f.articleId ?? []} AS uuid[])) DESC, 4 DESC, 2 LIMIT ${TOP})`;
}

/** Every value of a closed set, zero counts included, in the set's own order. */
const complete = (values: readonly string[], rows: { value: string; count: number }[]): FacetValue[] =>
  values.map((value) => ({ value, count: rows.find((r) => r.value === value)?.count ?? 0 }));

/** Keeps selected values listed: the query ranks them first, so only one matching nothing is added (as 0). */
function withSelected(rows: FacetValue[], selected: string[] | undefined, same = (a: string, b: string) => a === b): FacetValue[] {
  const missing = (selected ?? []).filter((s) => !rows.some((r) => same(r.value, s)));
  return [...rows, ...missing.map((value) => ({ value, count: 0 }))];
}

async function articleTitles(ids: string[]): Promise<Map<string, string>> {
  const rows = await db().article.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, title: true } });
  return new Map(rows.map((a) => [a.id, a.title]));
}

export async function countUnsourced(f: ClaimFilters, omit?: keyof ClaimFilters): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>(sql`
    SELECT CAST(count(*) AS int) AS n FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f, omit)}`);
  return row.n;
}
