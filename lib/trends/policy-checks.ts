import { claimCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { readAggregate } from "./read-aggregate";
import type { AnonymousFacts } from "./trend-sql";

const sql = Prisma.sql;

/** How many items each check lists (its figure counts them all). */
export const POLICY_LIST_LIMIT = 50;

/**
 * Articles resting on a single source: every attribution of the article (not only the matching
 * claims') names the same source. The smallest and largest source id agree: a hash aggregate,
 * where count(DISTINCT) would sort every attribution.
 */
export function findSingleSourceArticles(f: ClaimFilters) {
  return readAggregate<{ id: string; title: string; date: Date; source: string; claims: number; total: number }[]>(
    findSingleSourceQuery(f),
    { hashJoins: true },
  );
}

export function findSingleSourceQuery(f: ClaimFilters) {
  return sql`
    WITH matching AS (SELECT DISTINCT c."articleId" AS id FROM "Claim" c WHERE ${claimCondition(f)}),
    single AS (
      SELECT cl."articleId" AS id, min(CAST(a."sourceId" AS text)) AS source_id, CAST(count(*) AS int) AS claims
      FROM matching JOIN "Claim" cl ON cl."articleId" = matching.id JOIN "Attribution" a ON a."claimId" = cl.id
      GROUP BY cl."articleId" HAVING min(CAST(a."sourceId" AS text)) = max(CAST(a."sourceId" AS text)))
    SELECT ar.id, ar.title, coalesce(ar."publishedAt", ar."createdAt") AS date, s.name AS source, single.claims,
      CAST(count(*) OVER () AS int) AS total
    FROM single JOIN "Article" ar ON ar.id = single.id JOIN "Source" s ON s.id = CAST(single.source_id AS uuid)
    ORDER BY date DESC, ar.id LIMIT ${POLICY_LIST_LIMIT}`;
}

/**
 * A newsroom's anonymous-source policy, checked over the claims a filter selects:
 * - articles quoting an anonymous source with no stated reason for the anonymity;
 * - articles resting on a single source;
 * - anonymous sources whose identity no editor knows (identityKnownToNewsroom = false; the ones
 *   nobody recorded either way are counted apart).
 */
export function policyChecks(anonymous: AnonymousFacts, single: Awaited<ReturnType<typeof findSingleSourceArticles>>) {
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
