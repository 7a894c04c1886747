import { quoteSelector } from "@/lib/anchoring/text-quote";
import { lockArticleForSourcing } from "@/lib/articles/sourcing-change";
import { recordAudit } from "@/lib/audit/record-audit";
import { refuseUnapplied } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimInclude, presentClaim } from "@/lib/present";
import { assertParts, assertSpan, type Span } from "@/lib/spans/check-span";
import type { UpdateClaimSpanInput } from "./schema";

const spanFields = (c: { start: number; end: number; text: string; parts: unknown; orphaned: boolean }) => ({
  start: c.start,
  end: c.end,
  text: c.text,
  parts: c.parts ?? null,
  orphaned: c.orphaned,
});

/**
 * Widens or narrows a claim, keeping its attributions (their cues and mentions do not move): the
 * new span is checked against the article text and re-quoted for re-anchoring; an orphaned claim
 * given a span is anchored again. Guarded by `version`, audited, one transaction; locks in the
 * usual order, article then claim, and sends an approved article back to review.
 */
/** Parts as [start, end] pairs: jsonb does not keep the key order they were sent in. */
const pairs = (parts: unknown) => JSON.stringify(((parts as Span[] | null) ?? []).map((p) => [p.start, p.end]));

/** The span asked for is the one the claim holds (and it is anchored): saving it changes nothing. */
function sameSpan(
  claim: { start: number; end: number; parts: unknown; orphaned: boolean },
  input: UpdateClaimSpanInput,
) {
  return (
    !claim.orphaned &&
    claim.start === input.start &&
    claim.end === input.end &&
    pairs(claim.parts) === pairs(input.parts)
  );
}

export async function updateClaimSpan(id: string, input: UpdateClaimSpanInput, actorId: string) {
  return db().$transaction(async (tx) => {
    // An Enter with the span unchanged must not bump versions or send an approved article back to review.
    const current = await tx.claim.findUnique({
      where: { id },
      include: { ...claimInclude, article: { select: { body: true } } },
    });
    // (`article` is null when the article was deleted between Prisma's two reads: then the locked path 404s.)
    if (current?.article && current.version === input.version && sameSpan(current, input)) {
      const { article, ...claim } = current;
      return presentClaim(claim, article.body);
    }
    const found = current && { articleId: current.articleId };
    // What the claim quotes is its sourcing: an approved article goes back to review.
    const body =
      found && (await lockArticleForSourcing(tx, { articleId: found.articleId, actorId, change: "claim.span" }));
    if (!found || body === null) throw notFound("Claim");
    await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE id = ${id}::uuid FOR UPDATE`;
    const before = await tx.claim.findUnique({ where: { id } });
    if (!before) throw notFound("Claim");
    const whole = { start: input.start, end: input.end };
    assertSpan(body, whole, ["start"]);
    if (input.parts) assertParts(body, whole, input.parts);
    const { count } = await tx.claim.updateMany({
      where: { id, version: input.version },
      data: {
        ...whole,
        ...quoteSelector(body, whole),
        parts: input.parts ?? Prisma.DbNull,
        orphaned: false,
        version: { increment: 1 },
      },
    });
    if (count === 0) refuseUnapplied("claim", before);
    const after = (await tx.claim.findUnique({ where: { id }, include: claimInclude }))!;
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: "claim",
      entityId: id,
      articleId: before.articleId,
      before: { ...spanFields(before), version: before.version },
      after: { ...spanFields(after), version: after.version },
    });
    return presentClaim(after, body);
  });
}
