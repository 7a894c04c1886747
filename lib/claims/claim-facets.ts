import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { articleCountsFacet } from "./article-facet";
import { FACET_INDEX_COLUMNS } from "./claim-page-query";
import { compactFacetCountsSoon } from "./compact-facet-counts";
import { countedRows, countTablesCover } from "./facet-count-tables";
import { modeMask, sourceTypeMask } from "./facet-masks";
import {
  ANONYMOUS_ONLY,
  anyBit,
  claimCondition,
  dateRange,
  hasClaimOnlyFilter,
  NAMED_SOURCE,
  unsourcedCondition,
} from "./filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters, type FilterKey, REVIEW_STATUSES } from "./schema";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}
export type ClaimFacets = Awaited<ReturnType<typeof findClaimFacets>>;

/** How many of the open-ended values (affiliations, articles) a facet lists, most frequent first. */
const TOP = 15;

type Facet = "sourceType" | "anonymous" | "mode" | "via" | "reviewStatus";

/** Each value of the closed facets as a test on claim c's facet columns. */
const CLOSED: { facet: Facet; value: string; test: Sql }[] = [
  ...SOURCE_TYPES.map((v) => ({
    facet: "sourceType" as const,
    value: v,
    test: anyBit("sourceTypeMask", sourceTypeMask([v])),
  })),
  { facet: "anonymous", value: "true", test: ANONYMOUS_ONLY },
  { facet: "anonymous", value: "false", test: NAMED_SOURCE },
  ...ATTRIBUTION_MODES.map((v) => ({ facet: "mode" as const, value: v, test: anyBit("modeMask", modeMask([v])) })),
  { facet: "via", value: "true", test: sql`c."secondHand"` },
  { facet: "via", value: "false", test: sql`NOT c."secondHand"` },
  ...REVIEW_STATUSES.map((v) => ({
    facet: "reviewStatus" as const,
    value: v,
    test: Prisma.raw(`c."reviewStatus" = '${v}'`),
  })),
];

/**
 * When the count tables answer the rest, the articles facet ranks the articles of at most
 * ARTICLE_WINDOW matching claims among the newest ARTICLE_SCAN claims (top stories of the recent
 * archive, not of all of it; the UI says so).
 */
export const ARTICLE_WINDOW = 20_000;
export const ARTICLE_SCAN = 200_000;

/**
 * The queries behind the facet counts (exported for the benchmark's raw-SQL and EXPLAIN runs).
 * When every filter is one the count tables are keyed by (countTablesCover), the closed sets and
 * the affiliations are sums over ClaimFacetCount / ClaimAffiliationCount — a few thousand rows
 * whatever the archive's size — plus the claims of partial months at a date range's edges; the
 * articles facet is exact from ArticleCounts with no filter, or under a date range and at most one
 * single-valued facet (article-facet.ts), and otherwise ranks the articles of the newest ARTICLE_WINDOW matching
 * claims (one walk of the covering index; `articlesExact` false). Otherwise (search, articles, affiliations) every count scans the claims
 * those filters select: the closed sets and articles through Claim's covering indexes, the
 * affiliations one pass over the claims.
 */
export function facetCountsQueries(f: ClaimFilters, options: { tables?: boolean } = {}) {
  // Filters that are not facets (dates, search, unsourced) narrow the claims before anything is
  // counted; each facet then counts under all the other facets' filters but its own.
  const base = claimCondition({ from: f.from, to: f.to, q: f.q, unsourced: f.unsourced });
  const facets: ClaimFilters = { ...f, from: undefined, to: undefined, q: undefined, unsourced: undefined };
  const others = (omit?: FilterKey) => claimCondition(facets, omit);
  const closedColumns = (agg: (condition: Sql) => Sql) => [
    sql`${agg(others())} AS total`,
    ...CLOSED.map(
      ({ facet, value, test }) =>
        sql`${agg(sql`${test} AND ${others(facet)}`)} AS ${Prisma.raw(`"${facet}:${value}"`)}`,
    ),
  ];
  const selected = sql`ORDER BY c."articleId" = ANY(CAST(${f.articleId ?? []} AS uuid[])) DESC, 2 DESC, 1 LIMIT ${TOP}`;
  if ((options.tables ?? true) && countTablesCover(f)) {
    const exactArticles = articleCountsFacet(f, TOP);
    const sum = (condition: Sql) => sql`CAST(coalesce(sum(n) FILTER (WHERE ${condition}), 0) AS int)`;
    return {
      fromTables: true,
      closed: sql`SELECT ${Prisma.join(closedColumns(sum), ", ")} FROM (${countedRows(f, false)}) c`,
      affiliations: sql`
        SELECT affiliation AS value, CAST(sum(n) AS int) AS count FROM (${countedRows(f, true)}) c WHERE ${others("affiliation")}
        GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
      // Exact from ArticleCounts when the filter is one its rows count (none, or a date range and
      // at most one single-valued facet); otherwise the walk reads at most ARTICLE_SCAN entries of a
      // covering index (its columns only, so no claim row is read), whatever the filters:
      // selective ones would otherwise walk it all.
      articlesExact: exactArticles !== null,
      articles:
        exactArticles ??
        sql`
        SELECT CAST(c."articleId" AS text) AS value, CAST(count(*) AS int) AS count FROM (
          SELECT c."articleId" FROM (${newestClaims(f)}) c
          WHERE ${base} AND ${others("articleId")} LIMIT ${ARTICLE_WINDOW}) c
        GROUP BY c."articleId" ${selected}`,
    };
  }
  const count = (condition: Sql) => sql`CAST(count(*) FILTER (WHERE ${condition}) AS int)`;
  return {
    fromTables: false,
    articlesExact: true,
    closed: sql`SELECT ${Prisma.join(closedColumns(count), ", ")} FROM "Claim" c WHERE ${base}`,
    affiliations: sql`
      SELECT x AS value, CAST(count(*) AS int) AS count FROM (SELECT unnest(c.affiliations) AS x FROM "Claim" c WHERE ${base} AND ${others("affiliation")}) u
      GROUP BY x ORDER BY x = ANY(CAST(${(f.affiliation ?? []).map((v) => v.toLowerCase())} AS text[])) DESC, 2 DESC, 1 LIMIT ${TOP}`,
    articles: sql`
      SELECT CAST(c."articleId" AS text) AS value, CAST(count(*) AS int) AS count FROM "Claim" c WHERE ${base} AND ${others("articleId")}
      GROUP BY c."articleId" ${selected}`,
  };
}

/**
 * The newest ARTICLE_SCAN claims the articles facet ranks: of the archive (Claim_createdAt_facets_idx),
 * or with a date range those of the range's latest articles (Claim_articleDate_facets_idx), so a
 * past range ranks its own claims instead of finding none among the archive's newest.
 */
function newestClaims(f: ClaimFilters): Sql {
  const columns = Prisma.raw(FACET_INDEX_COLUMNS.map((c) => `c."${c}"`).join(", "));
  if (!f.from && !f.to)
    return sql`SELECT ${columns} FROM "Claim" c ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${ARTICLE_SCAN}`;
  const range = Prisma.join(dateRange(sql`c."articleDate"`, f), " AND ");
  return sql`SELECT ${columns} FROM "Claim" c WHERE ${range} ORDER BY c."articleDate" DESC LIMIT ${ARTICLE_SCAN}`;
}

/**
 * Each filter value with the number of rows it would give under all the other filters (a claim
 * counts once per value even with several attributions of that value).
 */
export async function findClaimFacets(f: ClaimFilters) {
  const queries = facetCountsQueries(f);
  type Count = { value: string; count: number };
  // The unsourced filter does not narrow unsourced statements, so their count is also the total
  // when that filter is on.
  const [[closed], affiliations, articles, unsourced] = await Promise.all([
    db().$queryRaw<Record<string, number>[]>(queries.closed),
    db().$queryRaw<Count[]>(queries.affiliations),
    db().$queryRaw<Count[]>(queries.articles),
    countUnsourced(f, "unsourced"),
  ]);
  if (queries.fromTables) compactFacetCountsSoon();
  const [affiliationLabels, titles] = await Promise.all([
    spelledAffiliations(affiliations.map((r) => r.value)),
    articleTitles([...articles.map((r) => r.value), ...(f.articleId ?? [])]),
  ]);
  const closedFacet = (facet: Facet, values: readonly string[]): FacetValue[] =>
    values.map((value) => ({ value, count: closed[`${facet}:${value}`] }));
  const lower = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    total: f.unsourced ? unsourced : closed.total,
    sourceType: closedFacet("sourceType", SOURCE_TYPES),
    anonymous: closedFacet("anonymous", ["true", "false"]),
    affiliation: withSelected(
      affiliations.map((r) => ({ value: affiliationLabels.get(r.value) ?? r.value, count: r.count })),
      f.affiliation,
      lower,
    ),
    mode: closedFacet("mode", ATTRIBUTION_MODES),
    via: closedFacet("via", ["true", "false"]),
    reviewStatus: closedFacet("reviewStatus", REVIEW_STATUSES),
    articleId: withSelected(articles, f.articleId).map((v) => ({ ...v, label: titles.get(v.value) ?? v.value })),
    /** Set when the articles facet ranked only recent claims (see ARTICLE_WINDOW): how many claims it looked at, at most. */
    articleWindow: queries.articlesExact ? null : ARTICLE_SCAN,
    unsourced,
  };
}

/** Keeps selected values listed: the queries rank them first, so only one matching nothing is added (as 0). */
function withSelected(
  rows: FacetValue[],
  selected: string[] | undefined,
  same = (a: string, b: string) => a === b,
): FacetValue[] {
  const missing = (selected ?? []).filter((s) => !rows.some((r) => same(r.value, s)));
  return [...rows, ...missing.map((value) => ({ value, count: 0 }))];
}

/**
 * Claims store affiliations lower-cased; show each as a source spells it: one index probe per
 * value (Source's lower(affiliation) index), not a pass over every source with that affiliation
 * (which read ~150k rows of a 100k-article archive for 15 labels).
 */
async function spelledAffiliations(keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const rows = await db().$queryRaw<{ key: string; label: string }[]>(sql`
    SELECT k.key, s.affiliation AS label FROM unnest(CAST(${keys} AS text[])) AS k(key)
    CROSS JOIN LATERAL (SELECT affiliation FROM "Source" WHERE lower(affiliation) = k.key LIMIT 1) s`);
  return new Map(rows.map((r) => [r.key, r.label]));
}

async function articleTitles(ids: string[]): Promise<Map<string, string>> {
  const rows = await db().article.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((a) => [a.id, a.title]));
}

/**
 * How many unsourced sentences the filters select. Without a text search it sums the trend
 * counts (TrendCount's day cells, or the named articles' ArticleCounts rows); a search tests each
 * unsourced sentence's text.
 */
export async function countUnsourced(f: ClaimFilters, omit?: keyof ClaimFilters): Promise<number | null> {
  const query = unsourcedCountQuery(f, omit);
  if (!(f.q && omit !== "q")) return (await db().$queryRaw<{ n: number }[]>(query))[0].n;
  // Sentences have no text index (their text is a slice of the article's): a search reads every
  // unsourced sentence, seconds in a large archive. Past SEARCH_COUNT_MS the count is left out (null).
  try {
    return await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${SEARCH_COUNT_MS}`);
      return (await tx.$queryRaw<{ n: number }[]>(query))[0].n;
    });
  } catch (error) {
    if (String((error as Error).message).includes("statement timeout")) return null;
    throw error;
  }
}

/** How long the unsourced count of a text search may take before the facet shows no number. */
const SEARCH_COUNT_MS = 300;

export function unsourcedCountQuery(f: ClaimFilters, omit?: keyof ClaimFilters): Prisma.Sql {
  if (f.q && omit !== "q")
    return sql`SELECT CAST(count(*) AS int) AS n FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f, omit)}`;
  if (hasClaimOnlyFilter(f, omit)) return sql`SELECT 0 AS n`;
  // The articles' own counts (ArticleCounts) when articles are named, else the day cells (TrendCount).
  if (f.articleId?.length)
    return sql`SELECT CAST(coalesce(sum(unsourced), 0) AS int) AS n FROM "ArticleCounts"
      WHERE ${Prisma.join([sql`"articleId" = ANY(CAST(${f.articleId} AS uuid[]))`, ...dateRange(sql`date`, f)], " AND ")}`;
  return sql`SELECT CAST(coalesce(sum(unsourced), 0) AS int) AS n FROM "TrendCount"
    WHERE ${Prisma.join([sql`dimension = ''`, ...dateRange(sql`day`, f)], " AND ")}`;
}
