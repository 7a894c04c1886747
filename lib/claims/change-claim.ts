import { lockArticleForSourcing } from "@/lib/articles/sourcing-change";
import { recordAudit } from "@/lib/audit/record-audit";
import { refuseUnapplied } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { claimInclude, presentClaim } from "@/lib/present";
import type { ReviewClaimInput } from "./schema";

/**
 * The claim with its attributions, read inside the write's transaction after locking the row: an
 * attribution being added to it commits first (and is in the snapshot) or waits and then fails, so
 * the audit event lists exactly what the change saw — a deletion's snapshot is what undo restores.
 */
async function lockClaim(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE id = ${id}::uuid FOR UPDATE`;
  const claim = await tx.claim.findUnique({
    where: { id },
    include: { ...claimInclude, article: { select: { body: true } } },
  });
  if (!claim) throw notFound("Claim");
  return claim;
}

/** Reviewers approve or flag a claim; stale versions are refused, never overwritten. */
export async function reviewClaim(id: string, input: ReviewClaimInput, actorId: string) {
  // One transaction from the check to the answer: a claim deleted right after the update commits
  // must not turn an applied change into a 404.
  return db().$transaction(async (tx) => {
    const before = await lockClaim(tx, id);
    const { count } = await tx.claim.updateMany({
      where: { id, version: input.version },
      data: { reviewStatus: input.reviewStatus, reviewComment: input.reviewComment ?? null, version: { increment: 1 } },
    });
    if (count === 0) refuseUnapplied("claim", before);
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: "claim",
      entityId: id,
      articleId: before.articleId,
      before: { reviewStatus: before.reviewStatus, reviewComment: before.reviewComment, version: before.version },
      after: {
        reviewStatus: input.reviewStatus,
        reviewComment: input.reviewComment ?? null,
        version: before.version + 1,
      },
    });
    const after = await lockClaim(tx, id);
    return presentClaim(after, after.article.body);
  });
}

/** Deletes a claim with its attributions; the audit event keeps everything needed to undo it. */
export async function deleteClaim(
  id: string,
  expectedVersion: number | undefined,
  actorId: string,
): Promise<{ id: string; auditEventId: string }> {
  return db().$transaction(async (tx) => {
    const found = await tx.claim.findUnique({ where: { id }, select: { articleId: true } });
    if (!found) throw notFound("Claim");
    await lockArticleForSourcing(tx, { articleId: found.articleId, actorId, change: "claim.delete" });
    await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE id = ${id}::uuid FOR UPDATE`;
    // And its attributions: one being deleted on its own right now is then gone from the snapshot
    // instead of being recorded as deleted twice (and brought back by an undo of this deletion).
    await tx.$queryRaw`SELECT 1 FROM "Attribution" WHERE "claimId" = ${id}::uuid FOR UPDATE`;
    const before = await lockClaim(tx, id);
    const { count } = await tx.claim.deleteMany({
      where: { id, ...(expectedVersion ? { version: expectedVersion } : {}) },
    });
    if (count === 0) refuseUnapplied("claim", before);
    const auditEventId = await recordAudit(tx, {
      actorId,
      action: "delete",
      entity: "claim",
      entityId: id,
      articleId: before.articleId,
      before: presentClaim(before, before.article.body),
    });
    return { id, auditEventId };
  });
}
