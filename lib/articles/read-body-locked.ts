import type { Tx } from "@/lib/db";

/**
 * The article's text under a share lock. An edit of the text re-anchors spans under FOR UPDATE,
 * so it waits for this transaction: no span is ever stored against text that just changed.
 */
export async function readBodyLocked(tx: Tx, articleId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<
    { body: string }[]
  >`SELECT body FROM "Article" WHERE id = ${articleId}::uuid FOR SHARE`;
  return rows[0]?.body ?? null;
}
