import { recordAudit } from "@/lib/audit/record-audit";
import { refuseUnapplied } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { claimInclude, presentClaim } from "@/lib/present";

/**
 * Deletes an article with its statements, claims and attributions (database cascades; sources are
 * shared and stay). The audit event keeps the text and the claims, so nothing is lost for good.
 */
export async function deleteArticle(id: string, expectedVersion: number | undefined, actorId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id },
      include: {
        claims: { include: claimInclude, orderBy: [{ start: "asc" }, { id: "asc" }] },
        _count: { select: { statements: true } },
      },
    });
    if (!article) throw notFound("Article");
    const { count } = await tx.article.deleteMany({
      where: { id, ...(expectedVersion ? { version: expectedVersion } : {}) },
    });
    if (count === 0)
      refuseUnapplied("article", await tx.article.findUnique({ where: { id }, select: { version: true } }));
    const { claims, _count, ...fields } = article;
    await recordAudit(tx, {
      actorId,
      action: "delete",
      entity: "article",
      entityId: id,
      articleId: id,
      before: { ...fields, statements: _count.statements, claims: claims.map((c) => presentClaim(c, article.body)) },
    });
  });
}
