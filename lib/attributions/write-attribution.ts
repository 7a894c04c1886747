import { lockArticleForSourcing } from "@/lib/articles/sourcing-change";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockClaimForAttributions } from "@/lib/claims/lock-claim-facets";
import { refuseUnapplied } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AttributionOrigin } from "@/lib/generated/prisma/enums";
import { attributionInclude, presentAttribution } from "@/lib/present";
import { checkAttribution, spanColumns } from "./check-attribution";
import type { CreateAttributionInput, UpdateAttributionInput } from "./schema";

async function loadAttribution(tx: Tx, id: string) {
  return tx.attribution.findUnique({
    where: { id },
    include: { ...attributionInclude, claim: { select: { articleId: true, article: { select: { body: true } } } } },
  });
}

/**
 * The row as the change replaces it, locked until commit, so the audit event's `before` is exactly
 * what was overwritten or deleted (a deletion's `before` is what undo restores). Take the
 * article's lock first when both are needed: an article edit locks the article, then attributions.
 */
/**
 * Prisma reads a relation in a statement of its own: a claim deleted between the two (a concurrent
 * DELETE of the claim, which takes its attributions with it) leaves the attribution with `claim: null`
 * although the schema says it always has one. Before any lock that is "already gone": 404, not a 500.
 */
function readable<T extends { claim: unknown }>(found: T | null): found is T {
  return found !== null && found.claim !== null;
}

async function lockAttribution(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Attribution" WHERE id = ${id}::uuid FOR UPDATE`;
  return loadAttribution(tx, id);
}

export function createAttribution(input: CreateAttributionInput, actorId: string) {
  return db().$transaction((tx) => insertAttribution(tx, input, actorId));
}

/**
 * A source newly quoted by a claim is share-locked before the attribution is written: a concurrent
 * change of its type, gender or anonymity reason then waits for this commit (and counts the new
 * pair, ArticleCounts.missingReason included), or this write waits for it and reads the new
 * value. Without it neither sees the other's uncommitted row: an article the source's writer did
 * not lock as citing it would keep a count of the old reason (migration source_months).
 */
async function lockQuotedSource(tx: Tx, sourceId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Source" WHERE id = ${sourceId}::uuid FOR SHARE`;
}

/** Where an attribution came from, set by the server (never by API input): an accepted suggestion. */
export interface Provenance {
  origin: AttributionOrigin;
  confidence: number | null;
}

/** Creates an attribution inside a caller's transaction; `provenance` only from server-side use cases. */
export async function insertAttribution(
  tx: Tx,
  input: CreateAttributionInput & { provenance?: Provenance },
  actorId: string,
) {
  const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { articleId: true } });
  const body =
    claim && (await lockArticleForSourcing(tx, { articleId: claim.articleId, actorId, change: "attribution.create" }));
  if (!claim || body === null) throw notFound("Claim");
  await lockClaimForAttributions(tx, input.claimId);
  await lockQuotedSource(tx, input.sourceId);
  await checkAttribution(tx, body, input);
  const created = await tx.attribution.create({
    data: {
      claimId: input.claimId,
      sourceId: input.sourceId,
      mode: input.mode,
      viaSourceId: input.viaSourceId ?? null,
      note: input.note ?? null,
      origin: input.provenance?.origin ?? "manual",
      confidence: input.provenance?.confidence ?? null,
      createdById: actorId,
      ...spanColumns("cue", input.cue),
      ...spanColumns("mention", input.mention),
    },
    include: attributionInclude,
  });
  const json = presentAttribution(created, body);
  await recordAudit(tx, {
    actorId,
    action: "create",
    entity: "attribution",
    entityId: created.id,
    articleId: claim.articleId,
    after: json,
  });
  return json;
}

/** Applies only on top of `version`; a stale write is refused with 409, never merged silently. */
export async function updateAttribution(id: string, input: UpdateAttributionInput, actorId: string) {
  return db().$transaction(async (tx) => {
    const found = await loadAttribution(tx, id);
    if (!readable(found)) throw notFound("Attribution");
    const { version, cue, mention, ...rest } = input;
    const body =
      (await lockArticleForSourcing(tx, {
        articleId: found.claim.articleId,
        actorId,
        change: "attribution.update",
      })) ?? found.claim.article.body;
    await lockClaimForAttributions(tx, found.claimId);
    const before = await lockAttribution(tx, id);
    if (!before) throw notFound("Attribution");
    const sourceId = rest.sourceId ?? before.sourceId;
    if (sourceId !== before.sourceId) await lockQuotedSource(tx, sourceId);
    const viaSourceId = rest.viaSourceId === undefined ? before.viaSourceId : rest.viaSourceId;
    await checkAttribution(tx, body, { sourceId, viaSourceId, cue, mention });
    const { count } = await tx.attribution.updateMany({
      where: { id, version },
      data: { ...rest, ...spanColumns("cue", cue), ...spanColumns("mention", mention), version: { increment: 1 } },
    });
    if (count === 0) refuseUnapplied("attribution", await tx.attribution.findUnique({ where: { id } }));
    const after = (await loadAttribution(tx, id))!;
    const json = presentAttribution(after, body);
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: "attribution",
      entityId: id,
      articleId: before.claim.articleId,
      before: presentAttribution(before, body),
      after: json,
    });
    return json;
  });
}

export async function deleteAttribution(
  id: string,
  expectedVersion: number | undefined,
  actorId: string,
): Promise<{ id: string; auditEventId: string }> {
  return db().$transaction(async (tx) => {
    const found = await tx.attribution.findUnique({
      where: { id },
      select: { claimId: true, claim: { select: { articleId: true } } },
    });
    if (!readable(found)) throw notFound("Attribution");
    await lockArticleForSourcing(tx, { articleId: found.claim.articleId, actorId, change: "attribution.delete" });
    await lockClaimForAttributions(tx, found.claimId);
    const before = await lockAttribution(tx, id);
    if (!before) throw notFound("Attribution");
    const { count } = await tx.attribution.deleteMany({
      where: { id, ...(expectedVersion ? { version: expectedVersion } : {}) },
    });
    if (count === 0) refuseUnapplied("attribution", await tx.attribution.findUnique({ where: { id } }));
    const auditEventId = await recordAudit(tx, {
      actorId,
      action: "delete",
      entity: "attribution",
      entityId: id,
      articleId: before.claim.articleId,
      before: presentAttribution(before, before.claim.article.body),
    });
    return { id, auditEventId };
  });
}
