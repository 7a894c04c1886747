import { findLatestReview } from "@/lib/audit/latest-review";
import { loadClaims } from "@/lib/claims/load-claims";
import type { Article, Statement } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRows } from "@/lib/pg-pool";
import { presentClaim } from "@/lib/present";

const sql = Prisma.sql;

type ArticleRow = Article & {
  createdBy: { id: string; name: string };
  statements: Pick<Statement, "id" | "ordinal" | "kind" | "start" | "end">[];
};

/**
 * The article with its author's name and its statements in one query on node-postgres (the
 * statements as one JSON array): Prisma's include ran three queries and mapped ~450 statement rows,
 * the larger part of a 300-claim workspace load at 100k articles after the claims (round 6).
 */
async function loadArticle(id: string): Promise<ArticleRow | null> {
  const [row] = await readRows<ArticleRow>(sql`
    SELECT ar.id, ar.title, ar.body, ar.language, ar.outlet, ar.author, ar.desk, ar.url, ar."externalId", ar."publishedAt",
      CAST(ar.status AS text) AS status, ar."publicId", ar."approvedAt", ar.version, ar."createdById", ar."createdAt", ar."updatedAt",
      json_build_object('id', u.id, 'name', u.name) AS "createdBy",
      coalesce((SELECT json_agg(json_build_object('id', st.id, 'ordinal', st.ordinal, 'kind', st.kind, 'start', st.start, 'end', st."end")
          ORDER BY st.ordinal) FROM "Statement" st WHERE st."articleId" = ar.id), '[]') AS statements
    FROM "Article" ar JOIN "User" u ON u.id = ar."createdById" WHERE ar.id = CAST(${id} AS uuid)`);
  return row ?? null;
}

/**
 * An article with its statements, claims, attributions and their sources, and the latest status
 * move that came with a comment (`latestReview`): what the article page and API show.
 */
export async function findArticle(id: string) {
  // Claims and their attributions in one query, beside the article (Prisma's nested include ran
  // its queries one after another: ~0.5 s for a 300-claim article on a busy machine).
  const [article, claims, latestReview] = await Promise.all([
    loadArticle(id),
    loadClaims(sql`c."articleId" = CAST(${id} AS uuid)`, sql`c.start ASC, c."end" DESC, c.id`),
    findLatestReview(id),
  ]);
  if (!article) return null;
  const { statements, ...rest } = article;
  return {
    ...rest,
    statements: statements.map(({ id, ordinal, kind, start, end }) => ({
      id,
      ordinal,
      kind,
      start,
      end,
      text: article.body.slice(start, end),
    })),
    claims: claims.map((c) => presentClaim(c, article.body)),
    latestReview,
  };
}
export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof findArticle>>>;
