import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { insertStatements } from "@/lib/statements/insert-statements";
import { runSegmentation } from "@/lib/workers/pool";
import { detectLanguage } from "./detect-language";
import { type ArticleDetail, findArticle } from "./find-article";
import type { CreateArticleInput } from "./schema";

/** Stores an article and its statements in one transaction, so no half-imported article can exist. */
/** A new article's columns from its input (the API's or an import line): absent ones null, the language detected. */
export function newArticleFields(input: CreateArticleInput) {
  return {
    title: input.title,
    body: input.body,
    language: input.language ?? detectLanguage(input.body),
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    desk: input.desk ?? null,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
  };
}

export async function createArticle(input: CreateArticleInput, actorId: string): Promise<ArticleDetail> {
  const segments = await runSegmentation(input.body);
  // Not Prisma's default 5 s timeout: a long text (50,000 words are ~3,000 statements) on a busy
  // machine outlasts it, and the import would fail at its audit event and roll back.
  const article = await db().$transaction(
    async (tx) => {
      const created = await tx.article.create({
        data: { ...newArticleFields(input), createdById: actorId },
      });
      await insertStatements(tx, created.id, segments);
      const { body: _body, ...summary } = created;
      await recordAudit(tx, {
        actorId,
        action: "create",
        entity: "article",
        entityId: created.id,
        articleId: created.id,
        after: { ...summary, bodyLength: input.body.length, statements: segments.length },
      });
      return created;
    },
    { timeout: 60_000 },
  );
  return (await findArticle(article.id))!;
}
