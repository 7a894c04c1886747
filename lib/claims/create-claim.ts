import { quoteSelector } from "@/lib/anchoring/text-quote";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { presentClaim } from "@/lib/present";
import { assertParts, assertSpan } from "@/lib/spans/check-span";
import type { CreateClaimInput } from "./schema";

export async function createClaim(input: CreateClaimInput, actorId: string) {
  const article = await db().article.findUnique({ where: { id: input.articleId }, select: { body: true } });
  if (!article) throw notFound("Article");
  const whole = { start: input.start, end: input.end };
  assertSpan(article.body, whole, ["start"]);
  if (input.parts) assertParts(article.body, whole, input.parts);
  const claim = await db().$transaction(async (tx) => {
    const created = await tx.claim.create({
      data: { articleId: input.articleId, ...whole, ...quoteSelector(article.body, whole), parts: input.parts, createdById: actorId },
    });
    await recordAudit(tx, { actorId, action: "create", entity: "claim", entityId: created.id, articleId: created.articleId, after: presentClaim(created, article.body) });
    return created;
  });
  return presentClaim(claim, article.body);
}
