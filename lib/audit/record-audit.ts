import type { Tx } from "@/lib/db";

export interface AuditEntry {
  actorId: string | null;
  action: "create" | "update" | "delete";
  entity: "article" | "source" | "claim" | "attribution" | "user" | "api_token" | "rejected_suggestion";
  entityId: string;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
}

// JSON round-trip turns Dates into ISO strings and drops undefined, as the jsonb column would.
const toJson = (value: unknown) =>
  value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));

/**
 * Call inside the transaction of the change, so the log and the data can never disagree.
 * Returns the event's id (a deletion's event is what an undo restores from).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<string> {
  const event = await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      articleId: entry.articleId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true },
  });
  return event.id.toString();
}
