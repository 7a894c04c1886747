import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";

/** What changed an approved article's sourcing, as the audit event of its return to review says. */
export type SourcingChange =
  | "article.text"
  | "article.title"
  | "claim.create"
  | "claim.span"
  | "claim.delete"
  | "claim.restore"
  | "attribution.create"
  | "attribution.update"
  | "attribution.delete"
  | "attribution.restore"
  | "suggestion.accept"
  | "source.update";

export const SENT_BACK_LABEL = "Sent back to review: its sourcing changed";

/**
 * An approval is of the sourcing the reviewer saw. Sends an approved article back to `in_review`
 * (new version, audited with the change that caused it) inside the caller's transaction, which
 * must already hold the article's row lock (lockArticleForSourcing, or an article edit's own).
 * Returns whether it did; a draft or an article in review is left as it is.
 */
export async function sendBackToReview(
  tx: Tx,
  { articleId, actorId, change }: { articleId: string; actorId: string; change: SourcingChange },
): Promise<boolean> {
  const { count } = await tx.article.updateMany({
    where: { id: articleId, status: "approved" },
    data: { status: "in_review", version: { increment: 1 } },
  });
  if (count === 0) return false;
  const { version } = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  await recordAudit(tx, {
    actorId,
    action: "update",
    entity: "article",
    entityId: articleId,
    articleId,
    before: { status: "approved", version: version - 1 },
    after: { status: "in_review", version, transition: SENT_BACK_LABEL, cause: change, comment: null },
  });
  return true;
}

/**
 * The first step of every write that changes an article's sourcing (claims, attributions,
 * restores, accepted suggestions): locks the article row, then sends it back to review if it was
 * approved. FOR NO KEY UPDATE, taken before any claim or attribution lock (the order is Article →
 * Claim → Attribution): a reviewer's approval waits for the change and then sees it, or commits
 * first and is undone by it; two such writes on one article queue instead of deadlocking on a
 * lock upgrade. An edit of the text (FOR UPDATE) still waits for them. Returns the article's body,
 * or null if there is no such article.
 */
export async function lockArticleForSourcing(
  tx: Tx,
  { articleId, actorId, change }: { articleId: string; actorId: string; change: SourcingChange },
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ body: string; status: string }[]>`
    SELECT body, status::text AS status FROM "Article" WHERE id = ${articleId}::uuid FOR NO KEY UPDATE`;
  if (!rows.length) return null;
  if (rows[0].status === "approved") await sendBackToReview(tx, { articleId, actorId, change });
  return rows[0].body;
}
