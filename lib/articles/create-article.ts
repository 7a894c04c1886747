import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { segmentText } from "@/lib/statements/segment-text";
import { detectLanguage } from "./detect-language";
import { type ArticleDetail, findArticle } from "./find-article";
import type { CreateArticleInput } from "./schema";

/** Stores an article and its statements in one transaction, so no half-imported article can exist. */
export async function createArticle(input: CreateArticleInput, actorId: string): Promise<ArticleDetail> {
  const segments = segmentText(input.body);
  // Not Prisma's default 5 s timeout: a long text (50,000 words are ~3,000 statements) on a busy
  // machine outlasts it, and the import would fail at its audit event and roll back.
  const article = await db().$transaction(
    async (tx) => {
      const created = await tx.article.create({
        data: {
          title: input.title,
          body: input.body,
          language: input.language ?? detectLanguage(input.body),
          outlet: input.outlet ?? null,
          author: input.author ?? null,
          desk: input.desk ?? null,
          url: input.url ?? null,
          publishedAt: input.publishedAt ?? null,
          createdById: actorId,
        },
      });
      await tx.statement.createMany({
        data: segments.map((s, ordinal) => ({
          articleId: created.id,
          ordinal,
          kind: s.kind,
          start: s.start,
          end: s.end,
        })),
      });
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
