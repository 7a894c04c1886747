import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { claimCondition, unsourcedCondition } from "./filter-sql";
import { ATTRIBUTION_MODES, REVIEW_STATUSES, type ClaimFilters, type FilterKey } from "./schema";

const sql = Prisma.sql;

export interface FacetValue { value: string; label?: string; count: number }
export type ClaimFacets = Awaited<ReturnType<typeof findClaimFacets>>;

/** How many of the open-ended values (affiliations, articles) a facet lists, most frequent first. */
const TOP = 15;

const FROM_CLAIMS = sql`FROM "Claim" c JOIN "Article" ar ON ar.id = c."articleId"`;
const WITH_SOURCES = sql`JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId"`;

interface GroupOptions { join?: Prisma.Sql; value?: Prisma.Sql; label?: Prisma.Sql; top?: boolean }

/** Distinct matching claims per value of `key`; `value` and `label` (aggregates) say how to show a group. */
async function grouped(omit: FilterKey, f: ClaimFilters, key: Prisma.Sql, options: GroupOptions = {}) {
  const rows = await db().$queryRaw<{ value: string | null; label: string | null; count: number }[]>(sql`
    SELECT CAST(${options.value ?? key} AS text) AS value, ${options.label ?? sql`NULL`} AS label, CAST(count(DISTINCT c.id) AS int) AS count
    ${FROM_CLAIMS} ${options.join ?? Prisma.empty}
    WHERE ${claimCondition(f, omit)} GROUP BY ${key} ORDER BY 3 DESC, 1 ${options.top ? sql`LIMIT ${TOP}` : Prisma.empty}`);
  return rows.flatMap((r): FacetValue[] => (r.value === null ? [] : [{ value: r.value, count: r.count, ...(r.label ? { label: r.label } : {}) }]));
}

/** Every value of a closed set, zero counts included, in the set's own order. */
const complete = (values: readonly string[], rows: FacetValue[]): FacetValue[] =>
  values.map((value) => ({ value, count: rows.find((r) => r.value === value)?.count ?? 0 }));

/** A yes/no filter's two counts under the other filters. */
async function yesNo(omit: "anonymous" | "via", f: ClaimFilters): Promise<FacetValue[]> {
  const [row] = await db().$queryRaw<{ yes: number; no: number }[]>(sql`
    SELECT CAST(count(*) FILTER (WHERE ${claimCondition({ [omit]: true } as ClaimFilters)}) AS int) AS yes,
           CAST(count(*) FILTER (WHERE ${claimCondition({ [omit]: false } as ClaimFilters)}) AS int) AS no
    ${FROM_CLAIMS} WHERE ${claimCondition(f, omit)}`);
  return [{ value: "true", count: row.yes }, { value: "false", count: row.no }];
}

/** Keeps selected values listed even when they fall outside the top or match nothing. */
function withSelected(rows: FacetValue[], selected: string[] | undefined, same = (a: string, b: string) => a === b): FacetValue[] {
  const missing = (selected ?? []).filter((s) => !rows.some((r) => same(r.value, s)));
  return [...rows, ...missing.map((value) => ({ value, count: 0 }))];
}

/**
 * Each filter value with the number of rows it would give under all the other filters (a claim
 * counts once per value even with several attributions of that value).
 */
export async function findClaimFacets(f: ClaimFilters) {
  const lower = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const [sourceType, anonymous, affiliation, mode, via, reviewStatus, article, unsourced, claims, statements] = await Promise.all([
    grouped("sourceType", f, sql`s.type`, { join: WITH_SOURCES }),
    yesNo("anonymous", f),
    grouped("affiliation", f, sql`lower(s.affiliation)`, { join: sql`${WITH_SOURCES} AND s.affiliation IS NOT NULL`, value: sql`min(s.affiliation)`, top: true }),
    grouped("mode", f, sql`a.mode`, { join: WITH_SOURCES }),
    yesNo("via", f),
    grouped("reviewStatus", f, sql`c."reviewStatus"`),
    grouped("articleId", f, sql`ar.id`, { label: sql`min(ar.title)`, top: true }),
    countUnsourced(f, "unsourced"),
    countClaims(f),
    countUnsourced(f),
  ]);
  return {
    total: f.unsourced ? statements : claims,
    sourceType: complete(SOURCE_TYPES, sourceType),
    anonymous,
    affiliation: withSelected(affiliation, f.affiliation, lower),
    mode: complete(ATTRIBUTION_MODES, mode),
    via,
    reviewStatus: complete(REVIEW_STATUSES, reviewStatus),
    articleId: withSelected(article, f.articleId),
    unsourced,
  };
}

export async function countClaims(f: ClaimFilters): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>(sql`SELECT CAST(count(*) AS int) AS n ${FROM_CLAIMS} WHERE ${claimCondition(f)}`);
  return row.n;
}

export async function countUnsourced(f: ClaimFilters, omit?: FilterKey): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>(sql`
    SELECT CAST(count(*) AS int) AS n FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f, omit)}`);
  return row.n;
}
