import type { ClientBase, Pool } from "pg";

export interface ExistingArticle {
  id: string;
  externalId: string | null;
  url: string | null;
  title: string;
  body: string;
  language: string;
  outlet: string | null;
  author: string | null;
  desk: string | null;
  publishedAt: Date | null;
  version: number;
}

export interface ArticleKey {
  externalId: string | null;
  url: string | null;
}

/**
 * Holds, until the transaction ends, one advisory lock per externalId and url of the batch, taken in
 * a fixed order so two imports never deadlock: a second import of the same story waits for the
 * first to commit and then finds its row (READ COMMITTED reads afresh after the wait). With the
 * unique index on externalId this is what makes concurrent imports never duplicate.
 */
export async function lockKeys(client: ClientBase, keys: ArticleKey[]): Promise<void> {
  const texts = keys.flatMap((k) => [k.externalId && `e:${k.externalId}`, k.url && `u:${k.url}`].filter(Boolean));
  if (!texts.length) return;
  await client.query(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 15) AS h FROM unnest($1::text[]) k ORDER BY h OFFSET 0) x`,
    [texts],
  );
}

/**
 * The article each key already names: by externalId; else (no externalId given, or none stored
 * under it) by url among articles without an externalId of their own, oldest first — so two of a
 * newsroom's stories with distinct ids that share a url (a live page) stay two.
 */
export async function findExisting(client: ClientBase | Pool, keys: ArticleKey[]): Promise<(ExistingArticle | null)[]> {
  const externalIds = keys.flatMap((k) => (k.externalId ? [k.externalId] : []));
  const urls = keys.flatMap((k) => (k.url ? [k.url] : []));
  if (!externalIds.length && !urls.length) return keys.map(() => null);
  const { rows } = await client.query<ExistingArticle>(
    `SELECT id, "externalId", url, title, body, language, outlet, author, desk, "publishedAt", version FROM "Article"
     WHERE "externalId" = ANY($1::text[]) OR ("externalId" IS NULL AND url = ANY($2::text[]))
     ORDER BY "createdAt", id`,
    [externalIds, urls],
  );
  const byExternal = new Map<string, ExistingArticle>();
  const byUrl = new Map<string, ExistingArticle>();
  for (const r of rows) {
    if (r.externalId) byExternal.set(r.externalId, r);
    else if (r.url && !byUrl.has(r.url)) byUrl.set(r.url, r);
  }
  return keys.map(
    (k) => (k.externalId ? byExternal.get(k.externalId) : undefined) ?? (k.url ? byUrl.get(k.url) : undefined) ?? null,
  );
}
