import type { ClientBase } from "pg";
import type { TextSegment } from "@/lib/statements/segment-text";

/** An article ready to store: validated, language decided, segmented, id chosen. */
export interface BulkArticle {
  id: string;
  title: string;
  body: string;
  language: string;
  outlet: string | null;
  author?: string | null;
  desk?: string | null;
  url: string | null;
  externalId: string | null;
  publishedAt: Date | null;
  statements: TextSegment[];
  /** The benchmark's archive sets these; an import leaves them to the defaults (draft, now). */
  status?: string;
  createdAt?: Date;
}
export interface BulkClaim {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  reviewStatus: string;
  createdAt: Date;
}
export interface BulkAttribution {
  id: string;
  claimId: string;
  sourceId: string;
  mode: string;
  cueStart: number | null;
  cueEnd: number | null;
  mentionStart: number | null;
  mentionEnd: number | null;
  viaSourceId: string | null;
  createdAt: Date;
}
export interface Batch {
  articles: BulkArticle[];
  claims?: BulkClaim[];
  attributions?: BulkAttribution[];
}
export interface BatchOptions {
  actorId: string;
  /** One `create` audit event per article, `after` carrying this (e.g. the import's id and line). */
  audit?: (article: BulkArticle) => Record<string, unknown>;
}

/** Timestamps as UTC text for `timestamp` columns (a Date would be sent in the process's time zone). */
const utc = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, -1) : null);

/**
 * Writes a batch of articles (with their statements, and for the benchmark's archive their claims
 * and attributions) in a few statements — one `INSERT … SELECT FROM unnest(arrays)` per table — inside
 * the caller's transaction. The derived columns are computed here, once for the whole batch, in the
 * same statements, with the expressions the triggers use (migration claim_facet_columns and after):
 * the claims' article date and facet columns from the batch's attributions and their sources,
 * Statement.sourced from the claims, the facet counts from the inserted claims, and the articles'
 * trend counts from all of it (sourcedesk_count_new_articles). The triggers
 * stand aside for this transaction's bulk statements (`sourcedesk.bulk_load`), and are back on
 * before this returns. Sources the claims use are share-locked first, so a concurrent rename or
 * retype waits for this commit and then refreshes these claims too.
 */
export async function writeBatch(client: ClientBase, batch: Batch, options: BatchOptions): Promise<void> {
  const { articles, claims = [], attributions = [] } = batch;
  if (!articles.length) return;
  await client.query("SET LOCAL sourcedesk.bulk_load = 'on'");
  await client.query(
    `INSERT INTO "Article" (id, title, body, language, outlet, author, desk, url, "externalId", "publishedAt", status, "createdById", "createdAt", "updatedAt")
     SELECT a.id, a.title, a.body, a.language, a.outlet, a.author, a.desk, a.url, a.external_id, a.published_at,
       coalesce(a.status, 'draft'), $9::uuid, coalesce(a.created_at, now()), coalesce(a.created_at, now())
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp[], $10::"ArticleStatus"[], $11::timestamp[], $12::text[], $13::text[])
       AS a(id, title, body, language, outlet, url, external_id, published_at, status, created_at, author, desk)`,
    [
      articles.map((a) => a.id),
      articles.map((a) => a.title),
      articles.map((a) => a.body),
      articles.map((a) => a.language),
      articles.map((a) => a.outlet),
      articles.map((a) => a.url),
      articles.map((a) => a.externalId),
      articles.map((a) => utc(a.publishedAt)),
      options.actorId,
      articles.map((a) => a.status ?? null),
      articles.map((a) => utc(a.createdAt)),
      articles.map((a) => a.author ?? null),
      articles.map((a) => a.desk ?? null),
    ],
  );
  if (claims.length) await insertClaims(client, claims, attributions, options.actorId);
  const st = articles.flatMap((a) => a.statements.map((s, ordinal) => ({ articleId: a.id, ordinal, s })));
  await client.query(
    `INSERT INTO "Statement" (id, "articleId", ordinal, kind, start, "end", sourced)
     SELECT gen_random_uuid(), s.article_id, s.ordinal, s.kind, s.start, s."end",
       ${claims.length ? `EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = s.article_id AND c.start < s."end" AND c."end" > s.start AND NOT c.orphaned AND c."sourceTypeMask" <> 0)` : "false"}
     FROM unnest($1::uuid[], $2::int[], $3::"StatementKind"[], $4::int[], $5::int[]) AS s(article_id, ordinal, kind, start, "end")`,
    [
      st.map((x) => x.articleId),
      st.map((x) => x.ordinal),
      st.map((x) => x.s.kind),
      st.map((x) => x.s.start),
      st.map((x) => x.s.end),
    ],
  );
  // The articles' counts (trends, the unsourced facet) from the rows just written, in one call.
  await client.query("SELECT sourcedesk_count_new_articles($1::uuid[])", [articles.map((a) => a.id)]);
  if (options.audit) {
    await client.query(
      `INSERT INTO "AuditEvent" ("actorId", action, entity, "entityId", "articleId", after)
       SELECT $1, 'create', 'article', e.id::text, e.id, e.after FROM unnest($2::uuid[], $3::jsonb[]) AS e(id, after)`,
      [options.actorId, articles.map((a) => a.id), articles.map((a) => JSON.stringify(options.audit!(a)))],
    );
  }
  await client.query("SET LOCAL sourcedesk.bulk_load = 'off'");
}

/** Claims with their facet columns and the facet counts, then their attributions. */
async function insertClaims(client: ClientBase, claims: BulkClaim[], attributions: BulkAttribution[], actorId: string) {
  const sourceIds = [
    ...new Set(attributions.flatMap((a) => (a.viaSourceId ? [a.sourceId, a.viaSourceId] : [a.sourceId]))),
  ];
  await client.query(`SELECT 1 FROM "Source" WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`, [sourceIds]);
  const month = `date_trunc('month', "articleDate")::date`;
  const keys = `"sourceTypeMask", "modeMask", "reviewStatus", "secondHand"`;
  await client.query(
    `WITH a AS (
       SELECT * FROM unnest($11::uuid[], $12::uuid[], $13::"AttributionMode"[], $14::uuid[]) AS a(claim_id, source_id, mode, via_id)
     ), s AS MATERIALIZED (
       -- The batch's sources by key: joined directly, the planner hashes the whole Source table
       -- (three times) for every batch, which grows with the archive (200k sources at 100k articles).
       SELECT id, type, name, affiliation, gender FROM "Source" WHERE id = ANY($15::uuid[])
     ), f AS (
       SELECT a.claim_id,
         bit_or(1 << (array_position(enum_range(NULL::"SourceType"), s.type) - 1)) AS types,
         bit_or(1 << (array_position(enum_range(NULL::"AttributionMode"), a.mode) - 1)) AS modes,
         array_agg(DISTINCT lower(s.affiliation) ORDER BY lower(s.affiliation)) FILTER (WHERE s.affiliation IS NOT NULL) AS affiliations,
         bool_or(a.via_id IS NOT NULL) AS second_hand,
         array_agg(s.name) || array_agg(v.name) FILTER (WHERE v.name IS NOT NULL) AS names
       FROM a JOIN s ON s.id = a.source_id LEFT JOIN s v ON v.id = a.via_id
       GROUP BY a.claim_id
     ), src AS (
       SELECT d.claim_id, array_agg(d.source_id ORDER BY d.source_id) AS ids, array_agg(d.type ORDER BY d.source_id) AS types,
         coalesce(bit_or(1 << (array_position(enum_range(NULL::"Gender"), d.gender) - 1)) FILTER (WHERE d.type = 'person'), 0) AS genders
       FROM (SELECT DISTINCT a.claim_id, s.id AS source_id, s.type, s.gender FROM a JOIN s ON s.id = a.source_id) d
       GROUP BY d.claim_id
     ), ins AS (
       INSERT INTO "Claim" (id, "articleId", start, "end", text, prefix, suffix, "reviewStatus", "createdById", "createdAt", "updatedAt",
         "articleDate", "sourceTypeMask", "modeMask", affiliations, "secondHand", "sourceNames", "sourceIds", "sourceTypes", "genderMask")
       SELECT c.id, c.article_id, c.start, c."end", c.text, c.prefix, c.suffix, c.review_status, $10::uuid, c.created_at, c.created_at,
         coalesce(ar."publishedAt", ar."createdAt"), coalesce(f.types, 0), coalesce(f.modes, 0), coalesce(f.affiliations, '{}'),
         coalesce(f.second_hand, false),
         coalesce((SELECT string_agg(DISTINCT n, E'\\n' ORDER BY n) FROM unnest(f.names) AS n), ''),
         coalesce(src.ids, '{}'), coalesce(src.types, '{}'), coalesce(src.genders, 0)
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::"ReviewStatus"[], $9::timestamp[])
         AS c(id, article_id, start, "end", text, prefix, suffix, review_status, created_at)
       JOIN "Article" ar ON ar.id = c.article_id
       LEFT JOIN f ON f.claim_id = c.id
       LEFT JOIN src ON src.claim_id = c.id
       RETURNING "articleDate", ${keys}, affiliations
     ), counted AS (
       INSERT INTO "ClaimFacetCount" (month, ${keys}, n) SELECT ${month}, ${keys}, count(*) FROM ins GROUP BY 1, 2, 3, 4, 5
     ), affiliated AS (
       INSERT INTO "ClaimAffiliationCount" (affiliation, month, ${keys}, n)
       SELECT x, ${month}, ${keys}, count(*) FROM ins, unnest(ins.affiliations) AS x GROUP BY 1, 2, 3, 4, 5, 6
       RETURNING affiliation, ${keys}, n
     )
     -- The monthly table's triggers stand aside under bulk_load (migration affiliation_totals).
     INSERT INTO "ClaimAffiliationTotal" (affiliation, ${keys}, n)
     SELECT affiliation, ${keys}, sum(n) FROM affiliated GROUP BY 1, 2, 3, 4, 5`,
    [
      claims.map((c) => c.id),
      claims.map((c) => c.articleId),
      claims.map((c) => c.start),
      claims.map((c) => c.end),
      claims.map((c) => c.text),
      claims.map((c) => c.prefix),
      claims.map((c) => c.suffix),
      claims.map((c) => c.reviewStatus),
      claims.map((c) => utc(c.createdAt)),
      actorId,
      attributions.map((a) => a.claimId),
      attributions.map((a) => a.sourceId),
      attributions.map((a) => a.mode),
      attributions.map((a) => a.viaSourceId),
      sourceIds,
    ],
  );
  await client.query(
    `INSERT INTO "Attribution" (id, "claimId", "sourceId", mode, "cueStart", "cueEnd", "mentionStart", "mentionEnd", "viaSourceId", "createdById", "createdAt", "updatedAt")
     SELECT a.id, a.claim_id, a.source_id, a.mode, a.cue_start, a.cue_end, a.mention_start, a.mention_end, a.via_id, $10::uuid, a.created_at, a.created_at
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::"AttributionMode"[], $5::int[], $6::int[], $7::int[], $8::int[], $9::uuid[], $11::timestamp[])
       AS a(id, claim_id, source_id, mode, cue_start, cue_end, mention_start, mention_end, via_id, created_at)`,
    [
      attributions.map((a) => a.id),
      attributions.map((a) => a.claimId),
      attributions.map((a) => a.sourceId),
      attributions.map((a) => a.mode),
      attributions.map((a) => a.cueStart),
      attributions.map((a) => a.cueEnd),
      attributions.map((a) => a.mentionStart),
      attributions.map((a) => a.mentionEnd),
      attributions.map((a) => a.viaSourceId),
      actorId,
      attributions.map((a) => utc(a.createdAt)),
    ],
  );
}
