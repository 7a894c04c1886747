import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findOpen, type SuggestionAction } from "./accept-suggestion";
import { findArticleSuggestions } from "./article-suggestions";

/** Remembers a rejection for this article (it stays rejected), audited like any other change. */
export async function rejectSuggestion({ articleId, key, actorId }: SuggestionAction) {
  const { suggestions } = await findArticleSuggestions({ articleId });
  const suggestion = findOpen(suggestions, key);
  await db().$transaction(async (tx) => {
    const row = await tx.rejectedSuggestion.create({ data: { articleId, key, actorId } });
    await recordAudit(tx, {
      actorId,
      action: "create",
      entity: "rejected_suggestion",
      entityId: row.id,
      articleId,
      after: { key, suggestion },
    });
  });
  return { key, rejected: true };
}
