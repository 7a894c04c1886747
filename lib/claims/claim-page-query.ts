import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeys, keyColumns, orderByClause } from "@/lib/keyset";
import { claimCondition } from "./filter-sql";
import { CLAIM_ORDERINGS } from "./orderings";
import type { FindClaimsInput } from "./schema";

const sql = Prisma.sql;

/**
 * How many claims the newest-first (or oldest-first) walk reads before the page is looked up
 * another way. A filter that most claims pass fills a page within a few hundred rows; one whose
 * claims are old (a past date range) or rare (a name) made the walk read most of the archive:
 * 1.2M index entries for a 2024 quarter at 100k articles.
 */
export const WALK_ROWS = 10_000;

/**
 * One page of matching claim ids and their sort keys (exported for the benchmark's raw-SQL and
 * EXPLAIN runs). PostgreSQL's plan for `ORDER BY createdAt LIMIT n` assumes matching rows are spread
 * evenly along the walk; the claims of a date range are not (a claim's creation time follows its
 * article's date), so it walks far past them. Here the walk is bounded: when its first WALK_ROWS
 * rows hold a full page, that is the page; otherwise every match is collected the way the filter
 * finds them best (the date index for a range, the trigram indexes for a search) and the page is
 * the first of them in the same order. Both give the same rows: the walk is in page order.
 * `OFFSET 0` keeps the planner from walking the createdAt index for that second part again, and
 * the keys are cast to text only for the page (casting every match cost ~120 ms for 58k claims).
 */
export function claimPageQuery(input: FindClaimsInput, walkRows = WALK_ROWS): Prisma.Sql {
  const ordering = CLAIM_ORDERINGS[input.sort];
  const where = sql`${claimCondition(input)} AND ${afterKeys(ordering, input.cursor)}`;
  const order = orderByClause(ordering);
  const limit = input.limit + 1;
  // Sorted by the article's date, a date range is the index's own leading column: no walk to bound.
  if (input.sort === "article") {
    return sql`SELECT c.id, c."articleId", ${keyColumns(ordering)} FROM "Claim" c WHERE ${where} ORDER BY ${order} LIMIT ${limit}`;
  }
  if (input.from || input.to) return monthsPageQuery(input, { where, order, limit });
  return sql`
    WITH walked AS MATERIALIZED (
      SELECT c.id, c."articleId", ${keyColumns(ordering)}
      FROM (SELECT ${walkColumns(input)} FROM "Claim" c WHERE ${afterKeys(ordering, input.cursor)} ORDER BY ${order} LIMIT ${walkRows}) c
      WHERE ${claimCondition(input)} ORDER BY ${order} LIMIT ${limit}
    )
    SELECT * FROM walked WHERE (SELECT count(*) FROM walked) = ${limit}
    UNION ALL
    SELECT c.id, c."articleId", ${keyColumns(ordering)} FROM (
      SELECT c.id, c."articleId", c."createdAt"
      FROM (SELECT c.id, c."articleId", c."createdAt" FROM "Claim" c WHERE ${where} OFFSET 0) c
      WHERE (SELECT count(*) FROM walked) < ${limit} ORDER BY ${order} LIMIT ${limit}) c`;
}

/**
 * A date range's page: each month of the range walked newest (or oldest) first on the
 * (article month, createdAt, id) index, up to a page from each, then the first page of those. A
 * claim's creation time follows its article's date, so a past range's claims lie deep in the
 * archive-wide walk (1.2M index entries for a 2024 quarter at 100k articles) and a whole range is
 * ~170k claims to sort; a month's walk reaches its first page within a few hundred entries. The
 * range's own bounds still filter every claim, so the edge months give exactly the range's claims.
 */
function monthsPageQuery(input: FindClaimsInput, q: { where: Prisma.Sql; order: Prisma.Sql; limit: number }) {
  const ordering = CLAIM_ORDERINGS[input.sort];
  // The months run from the archive's first to its last article date (an index endpoint each)
  // within the range: an open end, or a range of centuries, walks only months that can hold claims.
  const earliest = sql`(SELECT min("articleDate") FROM "Claim")`;
  const latest = sql`(SELECT max("articleDate") FROM "Claim")`;
  const first = input.from ? sql`greatest(CAST(CAST(${input.from} AS date) AS timestamp), ${earliest})` : earliest;
  const last = input.to ? sql`least(CAST(CAST(${input.to} AS date) AS timestamp), ${latest})` : latest;
  return sql`
    SELECT c.id, c."articleId", ${keyColumns(ordering)} FROM (
      SELECT p.* FROM generate_series(date_trunc('month', ${first}), date_trunc('month', ${last}), interval '1 month') AS m(month)
      CROSS JOIN LATERAL (
        SELECT c.id, c."articleId", c."createdAt" FROM "Claim" c
        WHERE date_trunc('month', c."articleDate") = m.month AND ${q.where}
        ORDER BY ${q.order} LIMIT ${q.limit}) p
      ORDER BY p."createdAt" ${Prisma.raw(ordering.keys[0].desc ? "DESC" : "ASC")}, p.id ${Prisma.raw(ordering.keys[1].desc ? "DESC" : "ASC")}
      LIMIT ${q.limit}) c`;
}

/** Claim's columns in both facet-carrying indexes (Claim_createdAt_facets_idx, Claim_articleDate_facets_idx). */
export const FACET_INDEX_COLUMNS = [
  "id",
  "articleId",
  "createdAt",
  "articleDate",
  "reviewStatus",
  "sourceTypeMask",
  "modeMask",
  "secondHand",
];

/** The columns the filters and the sort read: all in the createdAt index unless text or affiliations are searched. */
function walkColumns(input: FindClaimsInput): Prisma.Sql {
  const columns = [...FACET_INDEX_COLUMNS];
  if (input.q) columns.push("text", "sourceNames");
  if (input.affiliation?.length) columns.push("affiliations");
  return Prisma.raw(columns.map((c) => `c."${c}"`).join(", "));
}
