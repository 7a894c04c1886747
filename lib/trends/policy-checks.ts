import { claimCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * - articles resting on a single source (all their attributed claims, not only the matching ones);
 * - anonymous sources whose identity no editor knows (identityKnownToNewsroom = false; the ones
 *   nobody recorded either way are counted apart).
 */
export async function findPolicyChecks(f: ClaimFilters) {
  const [missing, single, unknown] = await Promise.all([
    db().$queryRaw<(ArticleItem & { sources: number })[]>(sql`
      SELECT ar.id, ar.title, c."articleDate" AS date, CAST(count(DISTINCT a."sourceId") AS int) AS sources,
        CAST(count(*) OVER () AS int) AS total
      ${anonymousAttributions(f, { withArticle: true })} AND ${MISSING_REASON}
      GROUP BY ar.id, c."articleDate" ORDER BY sources DESC, date DESC, ar.id LIMIT ${POLICY_LIST_LIMIT}`),
    db().$queryRaw<(ArticleItem & { source: string; claims: number })[]>(sql`
      WITH matching AS (SELECT DISTINCT c."articleId" AS id FROM "Claim" c WHERE ${claimCondition(f)})
      SELECT ar.id, ar.title, coalesce(ar."publishedAt", ar."createdAt") AS date, min(s.name) AS source,
        CAST(count(DISTINCT c.id) AS int) AS claims, CAST(count(*) OVER () AS int) AS total
      FROM matching JOIN "Article" ar ON ar.id = matching.id JOIN "Claim" c ON c."articleId" = ar.id AND NOT c.orphaned
        JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId"
      GROUP BY ar.id HAVING count(DISTINCT a."sourceId") = 1
      ORDER BY date DESC, ar.id LIMIT ${POLICY_LIST_LIMIT}`),
    db().$queryRaw<
      { id: string; name: string; type: string; known: boolean | null; articles: number; claims: number }[]
    >(sql`
      SELECT s.id, s.name, CAST(s.type AS text) AS type, s."identityKnownToNewsroom" AS known,
        CAST(count(DISTINCT c."articleId") AS int) AS articles, CAST(count(DISTINCT c.id) AS int) AS claims
      ${anonymousAttributions(f, { withArticle: false })} AND s.type IN ('anonymous_individual', 'anonymous_group')
        AND s."identityKnownToNewsroom" IS NOT TRUE
      GROUP BY s.id ORDER BY claims DESC, s.name, s.id`),
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
