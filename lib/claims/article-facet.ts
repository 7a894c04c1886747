import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { dateRange } from "./filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters } from "./schema";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** ArticleCounts' per-type and per-mode columns, in the enums' order (the triggers count by the same bits). */
const TYPE_COLUMNS = [
  "typePerson",
  "typeOrganization",
  "typeMediaOutlet",
  "typeDocument",
  "typeAnonymousIndividual",
  "typeAnonymousGroup",
] as const;
const MODE_COLUMNS = ["modeDirectQuote", "modePartialQuote", "modeParaphrase"] as const;
const column = (name: string) => Prisma.raw(`ac."${name}"`);
const ALL_CLAIMS = column("claims");

/**
 * How many of an article's claims a filter selects, as an expression over its ArticleCounts row
 * (migration trend_counts), when the filter is a date range plus at most one facet that the row
 * counts on its own: one source type, anonymity, one mode or second-hand. Null otherwise (a
 * review status, two types or two facets at once select claims the row cannot tell apart).
 * The row's counters test a claim's masks exactly as claimCondition does: anonymousOnly is
 * ANONYMOUS_ONLY, attributed − anonymousOnly is NAMED_SOURCE (an attributed claim with a named bit).
 */
export function articleCountsExpression(f: ClaimFilters): Sql | null {
  const facets: Sql[] = [];
  if (f.reviewStatus?.length) return null;
  if (f.sourceType?.length) {
    if (f.sourceType.length > 1) return null;
    facets.push(column(TYPE_COLUMNS[SOURCE_TYPES.indexOf(f.sourceType[0])]));
  }
  if (f.mode?.length) {
    if (f.mode.length > 1) return null;
    facets.push(column(MODE_COLUMNS[ATTRIBUTION_MODES.indexOf(f.mode[0])]));
  }
  if (f.anonymous !== undefined)
    facets.push(f.anonymous ? column("anonymousOnly") : sql`(ac.attributed - ac."anonymousOnly")`);
  if (f.via !== undefined) facets.push(f.via ? column("secondHand") : sql`(ac.claims - ac."secondHand")`);
  if (facets.length > 1) return null;
  return facets[0] ?? ALL_CLAIMS;
}

/**
 * The articles facet, exact, from ArticleCounts (one row per article, ~100k rows at 100k articles)
 * instead of ranking a window of the newest claims: the same ranking as counting the claims
 * (count descending, then the id — uuid order is the order of its text). Null when the filter is
 * not one the rows count (articleCountsExpression), and for a facet with no date range: that reads
 * every article's row (80–110 ms at 100k articles under load, measured), where the window's walk
 * of the newest claims stops at its 20,000th match, soon for the facets' common values. With no
 * filter at all the top rows are an index's first entries (ArticleCounts_claims_articleId_idx).
 */
export function articleCountsFacet(f: ClaimFilters, top: number): Sql | null {
  if (f.q || f.articleId?.length || f.affiliation?.length || f.unsourced === true) return null;
  const n = articleCountsExpression(f);
  if (!n) return null;
  if (!f.from && !f.to && n !== ALL_CLAIMS) return null;
  const conditions = [sql`${n} > 0`, ...dateRange(sql`ac.date`, f)];
  return sql`
    SELECT CAST(ac."articleId" AS text) AS value, ${n} AS count FROM "ArticleCounts" ac
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY 2 DESC, ac."articleId" LIMIT ${top}`;
}
