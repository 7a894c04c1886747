import { z } from "zod";
import { lockArticleForSourcing, type SourcingChange } from "@/lib/articles/sourcing-change";
import type { Tx } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { spanProblem } from "@/lib/spans/check-span";
import type { DeletionRef } from "./schema";

/**
 * The shapes `deleteClaim` and `deleteAttribution` keep in an audit event's `before` (the API's
 * claim and attribution JSON from lib/present.ts), read back to undo the deletion.
 */
const spanWithText = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const ref = z.object({ id: z.uuid() });

export const attributionSnapshot = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  mode: z.enum(["direct_quote", "partial_quote", "paraphrase"]),
  cue: spanWithText.nullable(),
  mention: spanWithText.nullable(),
  source: ref,
  via: ref.nullable(),
  note: z.string().nullable(),
  // Deletions recorded before these fields existed restore as typed by hand.
  origin: z.enum(["manual", "suggestion"]).default("manual"),
  confidence: z.number().nullable().default(null),
  version: z.number().int().min(1),
  createdById: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AttributionSnapshot = z.infer<typeof attributionSnapshot>;

export const claimSnapshot = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  orphaned: z.boolean(),
  parts: z.array(z.object({ start: z.number().int(), end: z.number().int() })).nullable(),
  reviewStatus: z.enum(["pending", "approved", "flagged"]),
  reviewComment: z.string().nullable(),
  version: z.number().int().min(1),
  createdById: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  attributions: z.array(attributionSnapshot),
});
export type ClaimSnapshot = z.infer<typeof claimSnapshot>;

/**
 * The deletion event to undo, which must record the deletion of an `entity`, with its snapshot:
 * the given event, or the latest deletion of the given record.
 */
export async function loadDeletion<S extends z.ZodType>(
  tx: Tx,
  ref: DeletionRef,
  entity: "claim" | "attribution",
  schema: S,
) {
  const event =
    "auditEventId" in ref
      ? await tx.auditEvent.findUnique({ where: { id: ref.auditEventId } })
      : await tx.auditEvent.findFirst({
          where: { entity, entityId: ref.entityId, action: "delete" },
          orderBy: { id: "desc" },
        });
  if (!event)
    throw new AppError(
      "not_found",
      "auditEventId" in ref ? "Audit event not found" : `No deletion of this ${entity} is recorded`,
    );
  if (event.action !== "delete" || event.entity !== entity) {
    throw invalid(
      ["auditEventId"],
      `This audit event records a ${event.action} of a ${event.entity}, not the deletion of a ${entity}`,
    );
  }
  const snapshot = schema.safeParse(event.before);
  if (!snapshot.success)
    throw new AppError(
      "conflict",
      `This ${entity} cannot be restored: its deletion was recorded without the data needed`,
    );
  return { event, snapshot: snapshot.data as z.infer<S> };
}

/**
 * Reads the article's text under its lock, so an edit cannot re-anchor around a half-restored
 * record; a restore changes the sourcing, so an approved article goes back to review.
 */
export async function lockArticleBody(
  tx: Tx,
  change: { articleId: string; actorId: string; change: SourcingChange },
): Promise<string> {
  const body = await lockArticleForSourcing(tx, change);
  if (body === null) throw new AppError("conflict", "Cannot restore: the article has been deleted");
  return body;
}

/** The row of an attribution as it was. */
export function attributionData(a: AttributionSnapshot) {
  return {
    id: a.id,
    claimId: a.claimId,
    sourceId: a.source.id,
    mode: a.mode,
    viaSourceId: a.via?.id ?? null,
    note: a.note,
    origin: a.origin,
    confidence: a.confidence,
    cueStart: a.cue?.start ?? null,
    cueEnd: a.cue?.end ?? null,
    mentionStart: a.mention?.start ?? null,
    mentionEnd: a.mention?.end ?? null,
    version: a.version,
    createdById: a.createdById,
    createdAt: new Date(a.createdAt),
    updatedAt: new Date(a.updatedAt),
  };
}

/** Refuses (409) to restore a span whose words are no longer at those offsets of the article. */
export function assertTextStillThere(
  body: string,
  span: { start: number; end: number; text: string } | null,
  what: string,
): void {
  if (!span) return;
  if (spanProblem(body, span) || body.slice(span.start, span.end) !== span.text) {
    throw new AppError(
      "conflict",
      `Cannot restore: the article text changed since the deletion and no longer holds the ${what} "${span.text}" at ${span.start}–${span.end}`,
    );
  }
}

/** Refuses (409) when a source the snapshot points to has been deleted since. */
export async function assertSourcesExist(tx: Tx, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await tx.source.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError("conflict", "Cannot restore: a source it refers to no longer exists");
}
