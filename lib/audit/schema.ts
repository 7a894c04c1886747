import { z } from "zod";
import { id, limit } from "@/lib/schema";

/** PostgreSQL `bigint` ends here; 19 digits can go past it (a driver error, once a 500). */
const MAX_INT8 = 2n ** 63n - 1n;
const inInt8 = (v: bigint) => v <= MAX_INT8;

/** Audit event ids are bigints: sent and received as decimal strings (JSON numbers lose precision). */
export const auditEventId = z
  .union([
    z.string().regex(/^[1-9]\d{0,18}$/, "Must be an audit event id"),
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform((v) => BigInt(v))
  .refine(inInt8, "Must be an audit event id");

/** GET /api/articles/:id/history: newest first; `cursor` is the id of the last event seen. */
export const historyQuerySchema = z
  .object({
    limit,
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, "Invalid cursor")
      .transform((v) => BigInt(v))
      .refine(inInt8, "Invalid cursor")
      .optional(),
  })
  .strict();
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/**
 * POST /api/claims/restore `{claimId}` and /api/attributions/restore `{attributionId}` undo the
 * latest deletion of that record (what an undo toast knows); `{auditEventId}` names the deletion
 * event instead (what the history panel knows). Exactly one of the two.
 */
const exactlyOne = (key: string) => (v: Record<string, unknown>) =>
  (v.auditEventId === undefined) !== (v[key] === undefined);

export const restoreClaimSchema = z
  .object({ auditEventId: auditEventId.optional(), claimId: id.optional() })
  .strict()
  .refine(exactlyOne("claimId"), { message: "Send either auditEventId or claimId" });
export type RestoreClaimInput = z.infer<typeof restoreClaimSchema>;

export const restoreAttributionSchema = z
  .object({ auditEventId: auditEventId.optional(), attributionId: id.optional() })
  .strict()
  .refine(exactlyOne("attributionId"), { message: "Send either auditEventId or attributionId" });
export type RestoreAttributionInput = z.infer<typeof restoreAttributionSchema>;

/** Which deletion to undo: a given event, or the latest deletion of a given record. */
export type DeletionRef = { auditEventId: bigint } | { entityId: string };
