import { sendBackToReview } from "@/lib/articles/sourcing-change";
import { recordAudit } from "@/lib/audit/record-audit";
import { refuseUnapplied } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { Source } from "@/lib/generated/prisma/client";
import { presentSource } from "@/lib/present";
import { readAttributes } from "./person-attributes";
import { type CreateSourceInput, describesNonPerson, type UpdateSourceInput } from "./schema";
import { sourceUniqueKey } from "./source-key";

async function assertNameFree(tx: Tx, key: string | null, exceptId?: string) {
  if (!key) return;
  const existing = await tx.source.findUnique({ where: { uniqueKey: key }, select: { id: true, name: true } });
  if (existing && existing.id !== exceptId) {
    throw new AppError(
      "conflict",
      `A source of this type named "${existing.name}" already exists (id ${existing.id}); use it instead`,
    );
  }
}

export function createSource(input: CreateSourceInput, actorId: string) {
  return db().$transaction((tx) => insertSource(tx, input, actorId));
}

/** Creates a source inside a caller's transaction; a named source that exists is a 409. */
export async function insertSource(tx: Tx, input: CreateSourceInput, actorId: string) {
  const uniqueKey = sourceUniqueKey(input.type, input.name);
  await assertNameFree(tx, uniqueKey);
  const created = await tx.source.create({ data: { ...input, uniqueKey } });
  const json = presentSource(created);
  await recordAudit(tx, { actorId, action: "create", entity: "source", entityId: created.id, after: json });
  return json;
}

/** What a report says about a source; `notes` are the newsroom's own and change no article's sourcing. */
const SOURCING_FIELDS = [
  "type",
  "name",
  "count",
  "affiliation",
  "role",
  "anonymityReason",
  "identityKnownToNewsroom",
] as const;

/**
 * Every approved article citing the source (directly or as the "via") goes back to review, locked
 * in id order before the source changes: articles first, as every writer locks them.
 */
async function sendCitingArticlesBack(tx: Tx, sourceId: string, actorId: string) {
  const articles = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id::text AS id FROM "Article" a
    WHERE a.status = 'approved' AND EXISTS (
      SELECT 1 FROM "Claim" c JOIN "Attribution" t ON t."claimId" = c.id
      WHERE c."articleId" = a.id AND (t."sourceId" = ${sourceId}::uuid OR t."viaSourceId" = ${sourceId}::uuid))
    ORDER BY a.id FOR NO KEY UPDATE OF a`;
  for (const { id } of articles) await sendBackToReview(tx, { articleId: id, actorId, change: "source.update" });
}

/**
 * A new type, gender or anonymity reason changes what every citing article counts (ArticleCounts, kept in place by
 * the claim triggers): lock those articles first, in id order, as their own writers do, so the
 * refresh of their claims never holds a claim while waiting for an article a writer holds.
 */
async function lockCitingArticles(tx: Tx, sourceId: string) {
  await tx.$queryRaw`
    SELECT 1 FROM "Article" a
    WHERE EXISTS (SELECT 1 FROM "Claim" c JOIN "Attribution" t ON t."claimId" = c.id WHERE c."articleId" = a.id AND t."sourceId" = ${sourceId}::uuid)
    ORDER BY a.id FOR NO KEY UPDATE OF a`;
}

/**
 * Optimistic concurrency: the write applies only if nobody changed the source since `version`.
 * A change to what reports say about the source reopens the review of every approved article
 * citing it.
 */
export async function updateSource(id: string, input: UpdateSourceInput, actorId: string) {
  const { version, ...changes } = input;
  const source = await db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id } });
    if (!before) throw notFound("Source");
    // A stale version is refused below, rolling this back too.
    const changed = (k: keyof typeof changes) => changes[k] !== undefined && changes[k] !== before[k];
    if (changed("type") || changed("gender") || changed("anonymityReason")) await lockCitingArticles(tx, id);
    if (SOURCING_FIELDS.some(changed)) await sendCitingArticlesBack(tx, id, actorId);
    const next = { ...before, ...changes } as Source;
    if (describesNonPerson({ ...next, attributes: readAttributes(next.attributes) }))
      throw invalid(["gender"], "Only person sources carry gender and self-described attributes");
    const uniqueKey = sourceUniqueKey(next.type, next.name);
    await assertNameFree(tx, uniqueKey, id);
    const { count } = await tx.source.updateMany({
      where: { id, version },
      data: { ...changes, uniqueKey, version: { increment: 1 } },
    });
    if (count === 0) refuseUnapplied("source", await tx.source.findUnique({ where: { id } }));
    const after = (await tx.source.findUnique({ where: { id } }))!;
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: "source",
      entityId: id,
      before: presentSource(before),
      after: presentSource(after),
    });
    return after;
  });
  return presentSource(source);
}
