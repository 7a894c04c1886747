import { quoteSelector } from "@/lib/anchoring/text-quote";
import { lockArticleForSourcing } from "@/lib/articles/sourcing-change";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { presentClaim } from "@/lib/present";
import { assertParts, assertSpan } from "@/lib/spans/check-span";
import type { CreateClaimInput } from "./schema";

export function createClaim(input: CreateClaimInput, actorId: string) {
  return db().$transaction((tx) => insertClaim(tx, input, actorId));
}

/** Creates a claim inside a caller's transaction (accepting a suggestion creates several records at once). */
export async function insertClaim(tx: Tx, input: CreateClaimInput, actorId: string) {
  const body = await lockArticleForSourcing(tx, { articleId: input.articleId, actorId, change: "claim.create" });
  if (body === null) throw notFound("Article");
  const whole = { start: input.start, end: input.end };
  assertSpan(body, whole, ["start"]);
  if (input.parts) assertParts(body, whole, input.parts);
  const created = await tx.claim.create({
    data: {
      articleId: input.articleId,
      ...whole,
      ...quoteSelector(body, whole),
      parts: input.parts,
      createdById: actorId,
    },
  });
  const json = presentClaim(created, body);
  await recordAudit(tx, {
    actorId,
    action: "create",
    entity: "claim",
    entityId: created.id,
    articleId: created.articleId,
    after: json,
  });
  return json;
}
