import {
  assertSourcesExist,
  assertTextStillThere,
  attributionData,
  attributionSnapshot,
  loadDeletion,
  lockArticleBody,
} from "@/lib/audit/deleted-snapshot";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RestoreAttributionInput } from "@/lib/audit/schema";
import { lockClaimForAttributions } from "@/lib/claims/lock-claim-facets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { attributionInclude, presentAttribution } from "@/lib/present";

/**
 * Undoes an attribution deletion: same id and fields, provided its claim, its sources and the
 * words of its cue and mention are all still there.
 */
export async function restoreAttribution(input: RestoreAttributionInput, actorId: string) {
  return db().$transaction(async (tx) => {
    const { event, snapshot: a } = await loadDeletion(
      tx,
      input.auditEventId ? { auditEventId: input.auditEventId } : { entityId: input.attributionId! },
      "attribution",
      attributionSnapshot,
    );
    const claim = await tx.claim.findUnique({ where: { id: a.claimId }, select: { articleId: true } });
    if (!claim)
      throw new AppError(
        "conflict",
        "Cannot restore: the claim of this attribution has been deleted (restore the claim first)",
      );
    const body = await lockArticleBody(tx, { articleId: claim.articleId, actorId, change: "attribution.restore" });
    await lockClaimForAttributions(tx, a.claimId);
    if (await tx.attribution.findUnique({ where: { id: a.id }, select: { id: true } }))
      throw new AppError("conflict", "This attribution exists: it has already been restored");
    assertTextStillThere(body, a.cue, "cue");
    assertTextStillThere(body, a.mention, "source mention");
    await assertSourcesExist(tx, [a.source.id, ...(a.via ? [a.via.id] : [])]);
    await tx.attribution.create({ data: attributionData(a) });
    const json = presentAttribution(
      (await tx.attribution.findUnique({ where: { id: a.id }, include: attributionInclude }))!,
      body,
    );
    await recordAudit(tx, {
      actorId,
      action: "create",
      entity: "attribution",
      entityId: a.id,
      articleId: claim.articleId,
      after: { ...json, restoredFrom: event.id.toString() },
    });
    return json;
  });
}
