import { db } from "@/lib/db";
import { claimInclude, presentClaim } from "@/lib/present";

/** An article with its statements, claims, attributions and their sources: what the article page and API show. */
export async function findArticle(id: string) {
  const article = await db().article.findUnique({
    where: { id },
    include: {
      createdBy: { select: { id: true, name: true } },
      statements: { orderBy: { ordinal: "asc" } },
      claims: { include: claimInclude, orderBy: [{ start: "asc" }, { end: "desc" }] },
    },
  });
  if (!article) return null;
  const { statements, claims, ...rest } = article;
  return {
    ...rest,
    statements: statements.map(({ id, ordinal, kind, start, end }) => ({ id, ordinal, kind, start, end, text: article.body.slice(start, end) })),
    claims: claims.map((c) => presentClaim(c, article.body)),
  };
}
export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof findArticle>>>;
