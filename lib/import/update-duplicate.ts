import { updateArticle } from "@/lib/articles/update-article";
import type { ExistingArticle } from "./find-duplicates";
import type { ImportLine } from "./schema";

const FIELDS = ["title", "body", "language", "outlet", "author", "desk", "url", "publishedAt"] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.valueOf() === (b as Date | null)?.valueOf() : a === b;

/**
 * `--on-duplicate update`: the fields the line gives that differ are written through the ordinary
 * article update (re-segmenting and re-anchoring claims on a new text, an audit event, `version`
 * guarded). Returns false when nothing differs (counted as skipped).
 */
export async function updateDuplicate(existing: ExistingArticle, input: ImportLine, actorId: string): Promise<boolean> {
  const changes: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const value = input[key];
    if (value !== undefined && !same(value, existing[key])) changes[key] = value;
  }
  if (!Object.keys(changes).length) return false;
  await updateArticle(existing.id, { version: existing.version, ...changes }, actorId);
  return true;
}
