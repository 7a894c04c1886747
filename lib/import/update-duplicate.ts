import { changedFields, updateArticle } from "@/lib/articles/update-article";
import type { ExistingArticle } from "./find-duplicates";
import type { ImportLine } from "./schema";

/**
 * `onDuplicate: update`: the fields the line gives that differ are written through the ordinary
 * article update (re-segmenting and re-anchoring claims on a new text, an audit event, `version`
 * guarded, and an approved article sent back to review by a new text or title, as sourcing-change.ts
 * does for every such change). Only what differs is passed on, so an unchanged body is not
 * segmented again. Returns false when nothing differs (counted as skipped).
 */
export async function updateDuplicate(options: {
  existing: ExistingArticle;
  input: ImportLine;
  actorId: string;
}): Promise<boolean> {
  const { existing, input, actorId } = options;
  const changes = changedFields(existing, input);
  if (!Object.keys(changes).length) return false;
  await updateArticle(existing.id, { version: existing.version, ...changes }, actorId);
  return true;
}
