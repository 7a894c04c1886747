import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { refuseUnapplied } from "@/lib/concurrency";
import { notFound } from "@/lib/errors";
import { claimInclude, presentClaim } from "@/lib/present";
import type { ReviewClaimInput } from "./schema";

async function loadClaim(id: string) {
  const claim = await db().claim.findUnique({ where: { id }, include: { ...claimInclude, article: { select: { body: true } } } });
  if (!claim) throw notFound("Claim");
  return claim;
}

/** Reviewers approve or flag a claim; stale versions are refused, never overwritten. */
export async function reviewClaim(id: string, input: ReviewClaimInput, actorId: string) {
  const before = await loadClaim(id);
  await db().$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id, version: input.version },
      data: { reviewStatus: input.reviewStatus, reviewComment: input.reviewComment ?? null, version: { increment: 1 } },
    });
    if (count === 0) refuseUnapplied("claim", await tx.claim.findUnique({ where: { id } }));
    await recordAudit(tx, { actorId, action: "update", entity: "claim", entityId: id, articleId: before.articleId,
      before: { reviewStatus: before.reviewStatus, reviewComment: before.reviewComment, version: before.version },
      after: { reviewStatus: input.reviewStatus, reviewComment: input.reviewComment ?? null, version: before.version + 1 } });
  });
  const after = await loadClaim(id);
  return presentClaim(after, after.article.body);
}

/** Deletes a claim with its attributions; the audit event keeps everything needed to undo it. */
export async function deleteClaim(id: string, expectedVersion: number | undefined, actorId: string): Promise<{ id: string; auditEventId: string }> {
  const before = await loadClaim(id);
  return db().$transaction(async (tx) => {
    const { count } = await tx.claim.deleteMany({ where: { id, ...(expectedVersion ? { version: expectedVersion } : {}) } });
    if (count === 0) refuseUnapplied("claim", await tx.claim.findUnique({ where: { id } }));
    const auditEventId = await recordAudit(tx, { actorId, action: "delete", entity: "claim", entityId: id, articleId: before.articleId, before: presentClaim(before, before.article.body) });
    return { id, auditEventId };
  });
}
