import { ARTICLE_DATE, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributionMode, ReviewStatus, SourceType } from "@/lib/generated/prisma/enums";
import { isAnonymousType } from "@/lib/sources/source-types";
import type { Snapshot } from "./snapshot";

const sql = Prisma.sql;

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface ReportSourceRef {
  id: string;
  type: SourceType;
  name: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymous: boolean;
  anonymityReason: string | null;
}
export interface ReportAttribution {
  id: string;
  mode: AttributionMode;
  source: ReportSourceRef;
  via: ReportSourceRef | null;
  cue: Span | null;
  mention: Span | null;
  note: string | null;
}
/** A claim as exported: offsets plus a W3C text-quote selector (text, prefix, suffix) to re-anchor it. */
export interface ReportClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: string;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  parts: { start: number; end: number }[] | null;
  orphaned: boolean;
  reviewStatus: ReviewStatus;
  reviewComment: string | null;
  attributions: ReportAttribution[];
}
export interface ReportStatement {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

export const ISO = (expr: Prisma.Sql) => sql`to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const sourceColumns = (alias: string) =>
  Prisma.raw(
    `${alias}.id AS ${alias}_id, CAST(${alias}.type AS text) AS ${alias}_type, ${alias}.name AS ${alias}_name, ${alias}.count AS ${alias}_count, ` +
      `${alias}.affiliation AS ${alias}_affiliation, ${alias}.role AS ${alias}_role, ${alias}."anonymityReason" AS ${alias}_reason`,
  );

type Row = Record<string, unknown>;

function sourceOf(row: Row, alias: string): ReportSourceRef | null {
  if (row[`${alias}_id`] === null) return null;
  const type = row[`${alias}_type`] as SourceType;
  return {
    id: row[`${alias}_id`] as string,
    type,
    name: row[`${alias}_name`] as string,
    count: row[`${alias}_count`] as number | null,
    affiliation: row[`${alias}_affiliation`] as string | null,
    role: row[`${alias}_role`] as string | null,
    anonymous: isAnonymousType(type),
    anonymityReason: row[`${alias}_reason`] as string | null,
  };
}

const spanOf = (body: string, start: unknown, end: unknown): Span | null =>
  typeof start === "number" && typeof end === "number" ? { start, end, text: body.slice(start, end) } : null;

/**
 * Offsets are UTF-16 units, which only JavaScript slices right, so the rows carry their article's
 * text — on the first row of each article only (`lag` over the report's own order, which keeps an
 * article's rows together): no query per article, and no body repeated on every row.
 */
function bodyCache() {
  let current = "";
  return (row: Row) => {
    if (row.article_body !== null) current = row.article_body as string;
    return current;
  };
}

const firstOfArticle = (order: Prisma.Sql, articleId: Prisma.Sql) =>
  sql`CASE WHEN lag(${articleId}) OVER (ORDER BY ${order}) IS DISTINCT FROM ${articleId} THEN ar.body END AS article_body`;

/** Rows per FETCH (2,000 measured +126–145 MB of RSS growth on the 50k-claim CSV; 500 held it to +4 MB in round 2). */
const BATCH = 500;

/** Report order: newest stories first, each from top to bottom. */
export const ARTICLE_ORDER = sql`${ARTICLE_DATE} DESC, ar.id DESC`;

export const CLAIM_ORDER = sql`${ARTICLE_ORDER}, c.start, c."end" DESC, c.id, a."createdAt", a.id`;

/** The report's claim rows (one per attribution), as streamed (exported for the benchmark's COPY of the same rows). */
export function reportClaimsQuery(f: ClaimFilters): Prisma.Sql {
  return sql`
    SELECT c.id, c."articleId" AS article_id, ar.title AS article_title, ${ISO(ARTICLE_DATE)} AS article_date,
      c.start, c."end", c.text, c.prefix, c.suffix, CAST(c.parts AS text) AS parts, c.orphaned,
      CAST(c."reviewStatus" AS text) AS review_status, c."reviewComment" AS review_comment,
      a.id AS attribution_id, CAST(a.mode AS text) AS mode, a."cueStart" AS cue_start, a."cueEnd" AS cue_end,
      a."mentionStart" AS mention_start, a."mentionEnd" AS mention_end, a.note, ${sourceColumns("s")}, ${sourceColumns("v")},
      ${firstOfArticle(CLAIM_ORDER, sql`c."articleId"`)}
    FROM "Claim" c JOIN "Article" ar ON ar.id = c."articleId"
      LEFT JOIN "Attribution" a ON a."claimId" = c.id LEFT JOIN "Source" s ON s.id = a."sourceId" LEFT JOIN "Source" v ON v.id = a."viaSourceId"
    WHERE ${claimCondition(f)}
    ORDER BY ${CLAIM_ORDER}`;
}

/** The matching claims with their attributions, one at a time, from a cursor (one row per attribution). */
export async function* streamReportClaims(snapshot: Snapshot, f: ClaimFilters): AsyncGenerator<ReportClaim> {
  const bodyOf = bodyCache();
  let pending: ReportClaim | null = null;
  for await (const batch of snapshot.stream<Row>(reportClaimsQuery(f), BATCH)) {
    for (const row of batch) {
      if (pending && pending.id !== row.id) {
        yield pending;
        pending = null;
      }
      const body = bodyOf(row);
      pending ??= {
        id: row.id as string,
        articleId: row.article_id as string,
        articleTitle: row.article_title as string,
        articleDate: row.article_date as string,
        start: row.start as number,
        end: row.end as number,
        text: row.text as string,
        prefix: row.prefix as string,
        suffix: row.suffix as string,
        parts: row.parts ? JSON.parse(row.parts as string) : null,
        orphaned: row.orphaned as boolean,
        reviewStatus: row.review_status as ReviewStatus,
        reviewComment: row.review_comment as string | null,
        attributions: [],
      };
      if (row.attribution_id !== null) {
        pending.attributions.push({
          id: row.attribution_id as string,
          mode: row.mode as AttributionMode,
          source: sourceOf(row, "s")!,
          via: sourceOf(row, "v"),
          cue: spanOf(body, row.cue_start, row.cue_end),
          mention: spanOf(body, row.mention_start, row.mention_end),
          note: row.note as string | null,
        });
      }
    }
  }
  if (pending) yield pending;
}

/** The report's unsourced-statement rows, as streamed (exported for the benchmark's COPY of the same rows). */
export function reportStatementsQuery(f: ClaimFilters): Prisma.Sql {
  const order = sql`${ARTICLE_ORDER}, st.ordinal`;
  return sql`
    SELECT st.id, st."articleId" AS article_id, ar.title AS article_title, ${ISO(ARTICLE_DATE)} AS article_date, st.ordinal, st.start, st."end",
      ${firstOfArticle(order, sql`st."articleId"`)}
    FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId"
    WHERE ${unsourcedCondition(f)} ORDER BY ${order}`;
}

/** The sentences no attributed claim covers, under the same filters. */
export async function* streamUnsourcedStatements(snapshot: Snapshot, f: ClaimFilters): AsyncGenerator<ReportStatement> {
  const bodyOf = bodyCache();
  for await (const batch of snapshot.stream<Row>(reportStatementsQuery(f), BATCH)) {
    for (const row of batch) {
      const body = bodyOf(row);
      yield {
        id: row.id as string,
        articleId: row.article_id as string,
        articleTitle: row.article_title as string,
        articleDate: row.article_date as string,
        ordinal: row.ordinal as number,
        start: row.start as number,
        end: row.end as number,
        text: body.slice(row.start as number, row.end as number),
      };
    }
  }
}
