import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { newPublicId } from "./public-id";

interface CardChange {
  articleId: string;
  actorId: string;
}

/** The card's state as the article's owners see it (never part of the public card). */
export interface CardState {
  articleId: string;
  publicId: string | null;
  /** Readers can open it: there is an id and the article is approved. */
  live: boolean;
}

type Next = (current: { status: string; publicId: string | null }) => string | null;

async function changePublicId({ articleId, actorId }: CardChange, next: Next): Promise<CardState> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; publicId: string | null }[]>`
      SELECT status::text AS status, "publicId" FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
    if (!rows.length) throw notFound("Article");
    const { status, publicId } = rows[0];
    const publicIdAfter = next(rows[0]);
    if (publicIdAfter !== publicId) {
      // Not a change of the article's content, so its `version` stays: an editor's open workspace
      // is not made stale by a card being issued or taken down.
      await tx.article.update({ where: { id: articleId }, data: { publicId: publicIdAfter } });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "article",
        entityId: articleId,
        articleId,
        before: { publicId },
        after: { publicId: publicIdAfter },
      });
    }
    return { articleId, publicId: publicIdAfter, live: publicIdAfter !== null && status === "approved" };
  });
}

/** Takes the card down for good: its id answers 404 from now on and is never issued again. */
export function revokeCard(change: CardChange): Promise<CardState> {
  return changePublicId(change, () => null);
}

/**
 * The approved article's card id: the one it has, else a new one (after a revocation; a leaked link
 * is retired by taking the card down first). Returning the existing id, under the row lock of
 * changePublicId, is what makes two clicks or two reviewers at once end with one id that both see,
 * instead of the first caller's link being replaced the moment it was handed out.
 */
export function issueCard(change: CardChange): Promise<CardState> {
  return changePublicId(change, ({ status, publicId }) => {
    if (status !== "approved") throw new AppError("conflict", "Only an approved article has a transparency card");
    return publicId ?? newPublicId();
  });
}

/** The card's state for the article's own pages (null: no such article). */
export async function findCardState(articleId: string) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, publicId: true, approvedAt: true },
  });
  return article && { ...article, live: article.publicId !== null && article.status === "approved" };
}
