import { claimCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { readAggregate } from "./read-aggregate";
import { anonymousAttributions, MISSING_REASON } from "./trend-sql";

const sql = Prisma.sql;

/** How many items each check lists (its figure counts them all). */
export const POLICY_LIST_LIMIT = 50;

interface ArticleItem {
  id: string;
  title: string;
  date: Date;
  total: number;
}

/**
 * A newsroom's anonymous-source policy, checked over the claims a filter selects:
 * - articles quoting an anonymous source with no stated reason for the anonymity;
 * - articles resting on a single source (all their attributions, not only the matching claims');
 * - anonymous sources whose identity no editor knows (identityKnownToNewsroom = false; the ones
 *   nobody recorded either way are counted apart).
 */
export async function findPolicyChecks(f: ClaimFilters) {
  const [missing, single, unknown] = await Promise.all([
    readAggregate<(ArticleItem & { sources: number })[]>(
      sql`
      SELECT ar.id, ar.title, c."articleDate" AS date, CAST(count(DISTINCT a."sourceId") AS int) AS sources,
        CAST(count(*) OVER () AS int) AS total
      ${anonymousAttributions(f, { withArticle: true })} AND ${MISSING_REASON}
      GROUP BY ar.id, c."articleDate" ORDER BY sources DESC, date DESC, ar.id LIMIT ${POLICY_LIST_LIMIT}`,
      { hashJoins: true },
    ),
    // One source: the smallest and the largest source id of the article's attributions agree
    // (a hash aggregate, where count(DISTINCT) would sort every attribution).
    readAggregate<(ArticleItem & { source: string; claims: number })[]>(
      sql`
      WITH matching AS (SELECT DISTINCT c."articleId" AS id FROM "Claim" c WHERE ${claimCondition(f)}),
      single AS (
        SELECT cl."articleId" AS id, min(CAST(a."sourceId" AS text)) AS source_id, CAST(count(*) AS int) AS claims
        FROM matching JOIN "Claim" cl ON cl."articleId" = matching.id JOIN "Attribution" a ON a."claimId" = cl.id
        GROUP BY cl."articleId" HAVING min(CAST(a."sourceId" AS text)) = max(CAST(a."sourceId" AS text)))
      SELECT ar.id, ar.title, coalesce(ar."publishedAt", ar."createdAt") AS date, s.name AS source, single.claims,
        CAST(count(*) OVER () AS int) AS total
      FROM single JOIN "Article" ar ON ar.id = single.id JOIN "Source" s ON s.id = CAST(single.source_id AS uuid)
      ORDER BY date DESC, ar.id LIMIT ${POLICY_LIST_LIMIT}`,
      { hashJoins: true },
    ),
    readAggregate<
      { id: string; name: string; type: string; known: boolean | null; articles: number; claims: number }[]
    >(
      sql`
      SELECT s.id, s.name, CAST(s.type AS text) AS type, s."identityKnownToNewsroom" AS known,
        CAST(count(DISTINCT c."articleId") AS int) AS articles, CAST(count(DISTINCT c.id) AS int) AS claims
      ${anonymousAttributions(f, { withArticle: false })} AND s.type IN ('anonymous_individual', 'anonymous_group')
        AND s."identityKnownToNewsroom" IS NOT TRUE
      GROUP BY s.id ORDER BY claims DESC, s.name, s.id`,
      { hashJoins: true },
    ),
  ]);
  const identityUnknown = unknown.filter((s) => s.known === false);
  const strip = <T extends { total: number }>({ total: _t, ...item }: T) => item;
  return {
    anonymousWithoutReason: { articles: missing[0]?.total ?? 0, items: missing.map(strip) },
    singleSource: { articles: single[0]?.total ?? 0, items: single.map(strip) },
    identityUnknown: {
      sources: identityUnknown.length,
      notRecorded: unknown.length - identityUnknown.length,
      items: identityUnknown.slice(0, POLICY_LIST_LIMIT).map(({ known: _k, type, ...s }) => ({ ...s, type })),
    },
  };
}
export type PolicyChecks = Awaited<ReturnType<typeof findPolicyChecks>>;
