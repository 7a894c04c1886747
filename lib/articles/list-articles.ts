import { ANONYMOUS_ONLY } from "@/lib/claims/filter-sql";
import { afterCursor, keysetOrder, pageOf } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { ListArticlesInput } from "./schema";

export interface ArticleCounts {
  statements: number;
  claims: number;
  sentences: number;
  /** Sentences overlapped by at least one attributed, non-orphaned claim. */
  sourcedSentences: number;
  /** sourcedSentences / sentences; null without sentences. */
  sourcedShare: number | null;
  /** Share of attributed, non-orphaned claims resting only on anonymous sources; null without any. */
  anonymousShare: number | null;
}

interface CountRow {
  id: string;
  statements: number;
  sentences: number;
  sourced: number;
  claims: number;
  attributed: number;
  anonymous: number;
}

/**
 * The counts of a page of articles in one grouped query (never one per article). Orphaned claims
 * count as claims but source nothing: their text is gone from the article.
 */
async function countArticles(ids: string[]): Promise<Map<string, ArticleCounts>> {
  if (!ids.length) return new Map();
  const rows = await db().$queryRaw<CountRow[]>`
    WITH page AS (SELECT unnest(${ids}::uuid[]) AS id),
    st AS (
      SELECT st."articleId",
             count(*)::int AS statements,
             count(*) FILTER (WHERE st.kind = 'sentence')::int AS sentences,
             count(*) FILTER (WHERE st.kind = 'sentence' AND st.sourced)::int AS sourced
      FROM "Statement" st WHERE st."articleId" IN (SELECT id FROM page) GROUP BY st."articleId"
    ),
    cl AS (
      SELECT c."articleId", count(*)::int AS claims,
             count(*) FILTER (WHERE NOT c.orphaned AND c."sourceTypeMask" <> 0)::int AS attributed,
             count(*) FILTER (WHERE NOT c.orphaned AND ${ANONYMOUS_ONLY})::int AS anonymous
      FROM "Claim" c WHERE c."articleId" IN (SELECT id FROM page) GROUP BY c."articleId"
    )
    SELECT page.id::text AS id,
           coalesce(st.statements, 0) AS statements, coalesce(st.sentences, 0) AS sentences, coalesce(st.sourced, 0) AS sourced,
           coalesce(cl.claims, 0) AS claims, coalesce(cl.attributed, 0) AS attributed, coalesce(cl.anonymous, 0) AS anonymous
    FROM page
    LEFT JOIN st ON st."articleId" = page.id
    LEFT JOIN cl ON cl."articleId" = page.id`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        statements: r.statements,
        claims: r.claims,
        sentences: r.sentences,
        sourcedSentences: r.sourced,
        sourcedShare: r.sentences ? r.sourced / r.sentences : null,
        anonymousShare: r.attributed ? r.anonymous / r.attributed : null,
      },
    ]),
  );
}

export async function listArticles(input: ListArticlesInput) {
  const rows = await db().article.findMany({
    where: {
      AND: [
        input.status ? { status: input.status } : {},
        input.q
          ? {
              OR: [
                { title: { contains: input.q, mode: "insensitive" } },
                { outlet: { contains: input.q, mode: "insensitive" } },
              ],
            }
          : {},
        afterCursor(input.cursor),
      ],
    },
    orderBy: keysetOrder,
    take: input.limit + 1,
    select: {
      id: true,
      title: true,
      language: true,
      outlet: true,
      author: true,
      desk: true,
      url: true,
      publishedAt: true,
      status: true,
      version: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const page = pageOf(rows, input.limit);
  const counts = await countArticles(page.items.map((a) => a.id));
  return {
    items: page.items.map((a) => ({ ...a, counts: counts.get(a.id)! })),
    nextCursor: page.nextCursor,
  };
}
