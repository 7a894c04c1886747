import { recordAudit } from "@/lib/audit/record-audit";
import { refuseUnapplied } from "@/lib/concurrency";
import { db, type Prisma, type Tx } from "@/lib/db";
import { notFound, staleVersion } from "@/lib/errors";
import { insertStatements } from "@/lib/statements/insert-statements";
import { runSegmentation } from "@/lib/workers/pool";
import { applyReanchor, describeBody, type ReanchorReport } from "./apply-reanchor";
import { type ArticleDetail, findArticle } from "./find-article";
import type { UpdateArticleInput } from "./schema";
import { sendBackToReview } from "./sourcing-change";

/** What an edit (PATCH, or an import in update mode) may change; the body re-segments the article. */
const EDITABLE = ["title", "language", "outlet", "author", "desk", "url", "publishedAt", "body"] as const;
type Editable = (typeof EDITABLE)[number];

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? a?.valueOf() === b?.valueOf() : a === b;

/** The fields `input` gives that differ from `current` (undefined means not given). */
export function changedFields<T extends Partial<Record<Editable, unknown>>>(
  current: Record<Editable, unknown>,
  input: T,
): Partial<Pick<T, Editable>> {
  const changes: Partial<Pick<T, Editable>> = {};
  for (const key of EDITABLE) {
    const value = input[key];
    if (value !== undefined && !same(value, current[key])) changes[key] = value;
  }
  return changes;
}

/** Holds the article row until commit, so no other article write interleaves with the re-anchoring. */
async function lockArticle(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Article" WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.article.findUnique({ where: { id }, include: { _count: { select: { statements: true } } } });
}

/**
 * Edits an article's metadata and/or text on top of `version`. A new text is re-segmented and
 * every claim, split-quote part, cue and mention re-anchored in the same transaction; claims whose
 * text is gone are kept, flagged `orphaned`. Editing the text or title of an approved article
 * sends it back to review (sourcing-change.ts): the approval was of the old words.
 */
export async function updateArticle(
  id: string,
  input: UpdateArticleInput,
  actorId: string,
): Promise<ArticleDetail & { reanchor: ReanchorReport | null }> {
  // Segmented before the transaction, on a worker: no row lock waits on the CPU work. Wasted only
  // when the body sent equals the stored one.
  const newSegments = input.body === undefined ? null : await runSegmentation(input.body);
  const reanchor = await db().$transaction(
    async (tx) => {
      const article = await lockArticle(tx, id);
      if (!article) throw notFound("Article");
      if (article.version !== input.version) throw staleVersion("article", article.version);

      const { body: newBody, ...metadata } = changedFields(article, input);
      const data: Record<string, unknown> = { ...metadata };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = { ...metadata };
      for (const key of Object.keys(metadata) as (keyof typeof metadata)[]) before[key] = article[key];
      const bodyChanged = newBody !== undefined;
      if (!bodyChanged && Object.keys(data).length === 0) return null; // nothing differs: no write, no event

      let report: ReanchorReport | null = null;
      if (newBody !== undefined) {
        const segments = newSegments!;
        await tx.statement.deleteMany({ where: { articleId: id } });
        await insertStatements(tx, id, segments);
        report = await applyReanchor(tx, id, article.body, newBody);
        data.body = newBody;
        before.body = describeBody(article.body, article._count.statements);
        after.body = describeBody(newBody, segments.length);
      }
      const { count } = await tx.article.updateMany({
        where: { id, version: input.version },
        data: { ...(data as Prisma.ArticleUpdateManyMutationInput), version: { increment: 1 } },
      });
      if (count === 0)
        refuseUnapplied("article", await tx.article.findUnique({ where: { id }, select: { version: true } }));
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "article",
        entityId: id,
        articleId: id,
        before: { ...before, version: article.version },
        after: { ...after, version: article.version + 1, ...(report ? { reanchor: report } : {}) },
      });
      // New words or a new headline were not what the reviewer approved; a fixed URL or date still is.
      if (bodyChanged || "title" in data)
        await sendBackToReview(tx, { articleId: id, actorId, change: bodyChanged ? "article.text" : "article.title" });
      return report;
    },
    { timeout: 60_000 },
  );
  const detail = await findArticle(id);
  if (!detail) throw notFound("Article");
  return { ...detail, reanchor };
}
