import { claimCondition, dateRange } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnonymousFacts } from "./anonymous-facts-sql";
import { trendCountsCover } from "./trend-counts-sql";

const sql = Prisma.sql;

/** How many items each check lists (its figure counts them all). */
export const POLICY_LIST_LIMIT = 50;

export interface SingleSourceRow {
  id: string;
  title: string;
  date: Date;
  source: string;
  claims: number;
  total: number;
}

/**
 * Articles resting on a single source: every attribution of the article (not only the matching
 * claims') names the same source — ArticleCounts.sources = 1, kept exactly by the count triggers
 * (a partial index holds those articles, newest first). With a claim filter, only articles with a
 * matching claim.
 */
export function findSingleSourceQuery(f: ClaimFilters) {
  const conditions = [sql`ac.sources = 1`, ...dateRange(sql`ac.date`, f)];
  if (!trendCountsCover(f))
    conditions.push(sql`ac."articleId" IN (SELECT c."articleId" FROM "Claim" c WHERE ${claimCondition(f)})`);
  return sql`
    WITH single AS (SELECT ac."articleId", ac.date FROM "ArticleCounts" ac WHERE ${Prisma.join(conditions, " AND ")}),
    top AS (SELECT * FROM single ORDER BY date DESC, "articleId" LIMIT ${POLICY_LIST_LIMIT})
    SELECT ar.id, ar.title, top.date, s.name AS source, p.claims, (SELECT CAST(count(*) AS int) FROM single) AS total
    FROM top JOIN "Article" ar ON ar.id = top."articleId" JOIN "ArticleSourceCount" p ON p."articleId" = top."articleId"
      JOIN "Source" s ON s.id = p."sourceId"
    ORDER BY top.date DESC, top."articleId"`;
}

/**
 * A newsroom's anonymous-source policy, checked over the claims a filter selects:
 * - articles quoting an anonymous source with no stated reason for the anonymity;
 * - articles resting on a single source;
 * - anonymous sources whose identity no editor knows (identityKnownToNewsroom = false; the ones
 *   nobody recorded either way are counted apart).
 */
export function policyChecks(anonymous: AnonymousFacts, single: SingleSourceRow[]) {
  return {
    anonymousWithoutReason: {
      articles: anonymous.missingArticles,
      items: anonymous.missingItems.map((a) => ({ ...a, date: new Date(a.date) })),
    },
    singleSource: { articles: single[0]?.total ?? 0, items: single.map(({ total: _t, ...item }) => item) },
    identityUnknown: {
      sources: anonymous.identities.length,
      notRecorded: anonymous.notRecorded,
      items: anonymous.identities.slice(0, POLICY_LIST_LIMIT),
    },
  };
}
export type PolicyChecks = ReturnType<typeof policyChecks>;
