import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, likePattern } from "@/lib/like";
import { presentSource } from "@/lib/present";
import { normalizeSourceName } from "./normalize-source-name";
import type { ListSourcesInput } from "./schema";

const sql = Prisma.sql;

/** `lower(name)` with whitespace collapsed and a leading "the" dropped: normalizeSourceName, near enough, in SQL. */
const normalisedName = sql`regexp_replace(regexp_replace(lower(btrim(s.name)), '\\s+', ' ', 'g'), '^the ', '')`;

const likePrefix = (q: string) => `${escapeLike(q)}%`;

/**
 * The ids of the sources matching a type and text, best first: the exact name, names starting
 * with the text, then sources of this article, then other names containing the text, then sources
 * matched only on their affiliation. Ties go to this article's sources, then by name.
 */
async function rankSources(input: ListSourcesInput) {
  const q = input.q?.trim() ?? "";
  const wanted = normalizeSourceName(q);
  const used = input.articleId
    ? sql`s.id IN (
        SELECT a."sourceId" FROM "Attribution" a JOIN "Claim" c ON c.id = a."claimId"
        WHERE c."articleId" = CAST(${input.articleId} AS uuid)
        UNION
        SELECT a."viaSourceId" FROM "Attribution" a JOIN "Claim" c ON c.id = a."claimId"
        WHERE c."articleId" = CAST(${input.articleId} AS uuid) AND a."viaSourceId" IS NOT NULL)`
    : sql`(s.id IS NULL)`; // false, as an expression ORDER BY accepts
  // "the United States" and "United  States" find "United States": the typed name compared as names are keyed.
  const nameContains = wanted
    ? sql`(s.name ILIKE ${likePattern(q)} OR ${normalisedName} LIKE ${likePattern(wanted)})`
    : sql`s.name ILIKE ${likePattern(q)}`;
  const rank = q
    ? sql`CASE
        WHEN ${normalisedName} = ${wanted} THEN 0
        WHEN ${normalisedName} LIKE ${likePrefix(wanted)} OR s.name ILIKE ${likePrefix(q)} THEN 1
        WHEN ${used} THEN 2
        WHEN ${nameContains} THEN 3
        ELSE 4 END`
    : sql`CASE WHEN ${used} THEN 2 ELSE 3 END`;
  const conditions = [
    input.type ? sql`s.type = CAST(${input.type} AS "SourceType")` : null,
    q ? sql`(${nameContains} OR s.affiliation ILIKE ${likePattern(q)})` : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return db().$queryRaw<{ id: string; used: boolean }[]>`
    SELECT s.id, ${used} AS used FROM "Source" s ${where}
    ORDER BY ${rank}, ${used} DESC, lower(s.name), s.id
    LIMIT ${input.limit}`;
}

/** Where each source was last used: the article and its date (published, else added). */
async function lastUses(ids: string[]) {
  if (!ids.length) return new Map<string, { articleId: string; title: string; date: Date }>();
  const rows = await db().$queryRaw<{ sourceId: string; articleId: string; title: string; date: Date }[]>`
    SELECT ids.id AS "sourceId", last.*
    FROM unnest(CAST(${ids} AS uuid[])) AS ids(id)
    -- The newest attribution per source through (sourceId, createdAt): a keystroke in the picker must
    -- not sort every attribution of a source quoted ten thousand times.
    CROSS JOIN LATERAL (
      SELECT ar.id AS "articleId", ar.title, coalesce(ar."publishedAt", ar."createdAt") AS date
      FROM "Attribution" a JOIN "Claim" c ON c.id = a."claimId" JOIN "Article" ar ON ar.id = c."articleId"
      WHERE a."sourceId" = ids.id
      ORDER BY a."createdAt" DESC
      LIMIT 1
    ) last`;
  return new Map(rows.map(({ sourceId, ...use }) => [sourceId, use]));
}

/**
 * Sources for a picker, ranked (see rankSources). `usedInArticle` says whether the source is in
 * `articleId` (null without one); `lastUsedIn` names the article it was last attributed in, which
 * is what tells two anonymous "senior officials" apart.
 */
export async function listSources(input: ListSourcesInput) {
  const ranked = await rankSources(input);
  const ids = ranked.map((r) => r.id);
  const [rows, uses] = await Promise.all([db().source.findMany({ where: { id: { in: ids } } }), lastUses(ids)]);
  const byId = new Map(rows.map((s) => [s.id, s]));
  return {
    items: ranked.flatMap(({ id, used }) => {
      const source = byId.get(id);
      return source
        ? [
            {
              ...presentSource(source),
              usedInArticle: input.articleId ? used : null,
              lastUsedIn: uses.get(id) ?? null,
            },
          ]
        : [];
    }),
  };
}

export async function findSource(id: string) {
  const source = await db().source.findUnique({ where: { id } });
  if (!source) throw notFound("Source");
  return presentSource(source);
}
