import {
  assertSourcesExist,
  assertTextStillThere,
  attributionData,
  claimSnapshot,
  loadDeletion,
  lockArticleBody,
} from "@/lib/audit/deleted-snapshot";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RestoreClaimInput } from "@/lib/audit/schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimInclude, presentClaim } from "@/lib/present";
import { spanProblem } from "@/lib/spans/check-span";

/**
 * Undoes a claim deletion: recreates the claim and the attributions it had, with the same ids,
 * spans and fields, provided the article still holds their words and their sources still exist.
 */
export async function restoreClaim(input: RestoreClaimInput, actorId: string) {
  return db().$transaction(async (tx) => {
    const { event, snapshot: c } = await loadDeletion(
      tx,
      input.auditEventId ? { auditEventId: input.auditEventId } : { entityId: input.claimId! },
      "claim",
      claimSnapshot,
    );
    const body = await lockArticleBody(tx, { articleId: c.articleId, actorId, change: "claim.restore" });
    if (await tx.claim.findUnique({ where: { id: c.id }, select: { id: true } }))
      throw new AppError("conflict", "This claim exists: it has already been restored");
    // An orphaned claim's text is what was lost, so only its (placeholder) offsets must still fit.
    if (c.orphaned) {
      if (spanProblem(body, c))
        throw new AppError("conflict", "Cannot restore: the article text changed since the deletion");
    } else {
      assertTextStillThere(body, c, "claim text"); // parts lie inside it, so they hold too
    }
    for (const a of c.attributions) {
      assertTextStillThere(body, a.cue, "cue");
      assertTextStillThere(body, a.mention, "source mention");
    }
    await assertSourcesExist(
      tx,
      c.attributions.flatMap((a) => [a.source.id, ...(a.via ? [a.via.id] : [])]),
    );
    await tx.claim.create({
      data: {
        id: c.id,
        articleId: c.articleId,
        start: c.start,
        end: c.end,
        text: c.text,
        prefix: c.prefix,
        suffix: c.suffix,
        orphaned: c.orphaned,
        parts: c.parts ?? Prisma.DbNull,
        reviewStatus: c.reviewStatus,
        reviewComment: c.reviewComment,
        version: c.version,
        createdById: c.createdById,
        createdAt: new Date(c.createdAt),
        updatedAt: new Date(c.updatedAt),
      },
    });
    if (c.attributions.length) await tx.attribution.createMany({ data: c.attributions.map(attributionData) });
    const restored = (await tx.claim.findUnique({ where: { id: c.id }, include: claimInclude }))!;
    const json = presentClaim(restored, body);
    await recordAudit(tx, {
      actorId,
      action: "create",
      entity: "claim",
      entityId: c.id,
      articleId: c.articleId,
      after: { ...json, restoredFrom: event.id.toString() },
    });
    return json;
  });
}
