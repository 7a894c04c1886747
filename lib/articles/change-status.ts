import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/find-user";
import { refuseUnapplied } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import { newPublicId } from "@/lib/transparency/public-id";
import { allowedTransitions, checkTransition } from "./article-status";
import type { ChangeStatusInput } from "./schema";

/**
 * Moves an article through draft → in review → approved (or back), as the transition table in
 * article-status.ts allows for the caller's role. 404 first, then 409 for a stale version or an
 * impossible move, then 403 for a move this role may not make.
 */
export async function changeArticleStatus(id: string, input: ChangeStatusInput, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id },
      select: { status: true, version: true, publicId: true },
    });
    if (!article) throw notFound("Article");
    if (article.version !== input.version) throw staleVersion("article", article.version);
    const check = checkTransition(article.status, input.status, actor.role);
    if (!check.ok) throw new AppError(check.reason === "forbidden" ? "forbidden" : "conflict", check.message);
    // Approval is the sourcing review the transparency card reports: it dates the card and issues
    // its public id if the article has none (a revoked id is never reused).
    const approval =
      input.status === "approved" ? { approvedAt: new Date(), publicId: article.publicId ?? newPublicId() } : {};
    const { count } = await tx.article.updateMany({
      where: { id, version: input.version },
      data: { status: input.status, ...approval, version: { increment: 1 } },
    });
    if (count === 0)
      refuseUnapplied("article", await tx.article.findUnique({ where: { id }, select: { version: true } }));
    const updated = (await tx.article.findUnique({
      where: { id },
      select: { id: true, status: true, version: true, updatedAt: true, publicId: true, approvedAt: true },
    }))!;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "article",
      entityId: id,
      articleId: id,
      before: { status: article.status, version: article.version },
      after: {
        status: updated.status,
        version: updated.version,
        ...(approval.publicId && approval.publicId !== article.publicId ? { publicId: approval.publicId } : {}),
        transition: check.transition.label,
        comment: input.comment ?? null,
      },
    });
    return {
      ...updated,
      allowedTransitions: allowedTransitions(updated.status, actor.role).map(({ to, label, commentRecommended }) => ({
        to,
        label,
        commentRecommended,
      })),
    };
  });
}
