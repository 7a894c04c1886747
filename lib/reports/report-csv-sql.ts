import { ARTICLE_DATE, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";
import { ARTICLE_ORDER, CLAIM_ORDER, ISO } from "./report-rows";

/**
 * The filter report's CSV rows as SQL, for COPY … TO STDOUT (lib/reports/report-csv.ts): the same
 * rows, order and cells as formatCsv (lib/reports/format-csv.ts, the reference) over
 * streamReportClaims and streamUnsourcedStatements, column for column CSV_COLUMNS. Text cells go
 * through sourcedesk_csv_text (formulas defused, '' as NULL so COPY writes it empty), spans through
 * sourcedesk_utf16_slice (migration report_csv_functions), told once per article whether its body
 * holds a character outside the BMP.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** Any character outside the Basic Multilingual Plane (two UTF-16 units in JavaScript). */
const ASTRAL = "[\u{10000}-\u{10FFFF}]";

const text = (expr: Sql) => sql`sourcedesk_csv_text(${expr})`;
/** Characters per piece of a body (see articlesOf). */
const PIECE = 64;

/**
 * A span's text. PostgreSQL's substr walks the whole of a multibyte string on every call (~30 µs
 * for a 5 kB body; 4 s at 50k claims), so each body is cut once into pieces of PIECE characters
 * and a span reads only the pieces it covers. A body with a character outside the BMP takes the
 * UTF-16 walk instead (offsets then differ from character positions). Computed in a LATERAL
 * subquery kept apart (OFFSET 0), so sourcedesk_csv_text then reads a plain column and is inlined
 * (PostgreSQL will not inline a function whose argument is costly and used twice).
 */
const slice = (start: Sql, end: Sql) => {
  const first = sql`${start} / ${Prisma.raw(String(PIECE))} + 1`;
  const last = sql`(greatest(${end}, ${start} + 1) - 1) / ${Prisma.raw(String(PIECE))} + 1`;
  return sql`CASE WHEN ${start} IS NULL OR ${end} IS NULL THEN NULL
    WHEN arts.astral THEN sourcedesk_utf16_slice(arts.body, true, ${start}, ${end})
    ELSE substr(array_to_string(arts.pieces[${first} : ${last}], ''), ${start} % ${Prisma.raw(String(PIECE))} + 1, greatest(${end} - ${start}, 0)) END`;
};

/**
 * The matching articles' bodies, each read once (the spans of its rows then never decompress it
 * again, as reading ar.body per row did: ~9 s at 50k claims): whole, for the UTF-16 walk, and cut
 * into pieces in one regular-expression pass; and tested once for astral characters.
 */
const articlesOf = (ids: Sql) => sql`
  arts AS MATERIALIZED (
    SELECT ar.id, ar.body ~ ${ASTRAL} AS astral,
      CASE WHEN ar.body ~ ${ASTRAL} THEN ar.body END AS body,
      ARRAY(SELECT m[1] FROM regexp_matches(ar.body, ${`.{1,${PIECE}}`}, 'g') AS m) AS pieces
    FROM "Article" ar WHERE ar.id IN (${ids}))`;

const ANONYMOUS = Prisma.join(ANONYMOUS_SOURCE_TYPES.map((t) => sql`${t}`));

export function reportCsvClaimsQuery(f: ClaimFilters): Sql {
  return sql`
    WITH ${articlesOf(sql`SELECT c."articleId" FROM "Claim" c WHERE ${claimCondition(f)}`)}
    SELECT CASE WHEN a.id IS NULL THEN 'claim' ELSE 'attribution' END, c."articleId", ${text(sql`ar.title`)},
      ${ISO(ARTICLE_DATE)}, c.id, NULL, c.start, c."end", ${text(sql`c.text`)}, CAST(c."reviewStatus" AS text), ${text(sql`c."reviewComment"`)},
      a.id, CAST(a.mode AS text), s.id, CAST(s.type AS text), ${text(sql`s.name`)}, s.count,
      ${text(sql`s.affiliation`)}, ${text(sql`s.role`)},
      CASE WHEN s.id IS NULL THEN NULL WHEN CAST(s.type AS text) IN (${ANONYMOUS}) THEN 'true' ELSE 'false' END,
      ${text(sql`s."anonymityReason"`)},
      a."cueStart", a."cueEnd", ${text(sql`spans.cue`)}, a."mentionStart", a."mentionEnd", ${text(sql`spans.mention`)},
      v.id, CAST(v.type AS text), ${text(sql`v.name`)}, ${text(sql`a.note`)}
    FROM "Claim" c JOIN "Article" ar ON ar.id = c."articleId" JOIN arts ON arts.id = ar.id
      LEFT JOIN "Attribution" a ON a."claimId" = c.id LEFT JOIN "Source" s ON s.id = a."sourceId" LEFT JOIN "Source" v ON v.id = a."viaSourceId"
      CROSS JOIN LATERAL (
        SELECT ${slice(sql`a."cueStart"`, sql`a."cueEnd"`)} AS cue, ${slice(sql`a."mentionStart"`, sql`a."mentionEnd"`)} AS mention
        OFFSET 0) spans
    WHERE ${claimCondition(f)}
    ORDER BY ${CLAIM_ORDER}`;
}

export function reportCsvStatementsQuery(f: ClaimFilters): Sql {
  return sql`
    WITH ${articlesOf(sql`SELECT st."articleId" FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f)}`)}
    SELECT 'unsourced_statement', st."articleId", ${text(sql`ar.title`)}, ${ISO(ARTICLE_DATE)}, NULL, st.id, st.start, st."end",
      ${text(sql`spans.text`)},
      ${Prisma.raw(Array.from({ length: 22 }, () => "NULL").join(", "))}
    FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" JOIN arts ON arts.id = ar.id
      CROSS JOIN LATERAL (SELECT ${slice(sql`st.start`, sql`st."end"`)} AS text OFFSET 0) spans
    WHERE ${unsourcedCondition(f)}
    ORDER BY ${ARTICLE_ORDER}, st.ordinal`;
}
