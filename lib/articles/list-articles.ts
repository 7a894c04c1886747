import { ANONYMOUS_ONLY } from "@/lib/claims/filter-sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeys, keyColumns, keysetPage, type Ordering, orderByClause } from "@/lib/keyset";
import { likePattern } from "@/lib/like";
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

/** Newest first, ties broken by id: the articles list's one ordering. */
const ARTICLE_ORDERING: Ordering = {
  name: "articles",
  keys: [
    { expr: Prisma.raw(`a."createdAt"`), type: "timestamp", desc: true },
    { expr: Prisma.raw("a.id"), type: "uuid", desc: true },
  ],
};

const ARTICLE_FIELDS = {
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
} as const;

export async function listArticles(input: ListArticlesInput) {
  const sql = Prisma.sql;
  const conditions = [
    input.status ? sql`a.status = CAST(${input.status} AS "ArticleStatus")` : sql`TRUE`,
    input.q ? sql`(a.title ILIKE ${likePattern(input.q)} OR a.outlet ILIKE ${likePattern(input.q)})` : sql`TRUE`,
    afterKeys(ARTICLE_ORDERING, input.cursor),
  ];
  const keys = await db().$queryRaw<{ id: string }[]>`
    SELECT a.id::text AS id, ${keyColumns(ARTICLE_ORDERING)} FROM "Article" a
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${orderByClause(ARTICLE_ORDERING)} LIMIT ${input.limit + 1}`;
  const page = keysetPage(ARTICLE_ORDERING, keys, input.limit);
  const ids = page.items.map((k) => k.id);
  const [rows, counts] = await Promise.all([
    db().article.findMany({ where: { id: { in: ids } }, select: ARTICLE_FIELDS }),
    countArticles(ids),
  ]);
  const byId = new Map(rows.map((a) => [a.id, a]));
  return {
    // An article deleted between the two reads is left out rather than failing the page.
    items: ids.filter((id) => byId.has(id)).map((id) => ({ ...byId.get(id)!, counts: counts.get(id)! })),
    nextCursor: page.nextCursor,
  };
}
