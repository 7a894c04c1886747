import { ARTICLE_DATE, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { anonymousType, articlesOf, slice } from "./report-copy-sql";
import { ARTICLE_ORDER, CLAIM_ORDER, ISO } from "./report-rows";

/**
 * The filter report's CSV rows as SQL, for COPY … TO STDOUT (lib/reports/report-csv.ts): the same
 * rows, order and cells as formatCsv (lib/reports/format-csv.ts, the reference) over
 * streamReportClaims and streamUnsourcedStatements, column for column CSV_COLUMNS. Text cells go
 * through sourcedesk_csv_text (formulas defused, '' as NULL so COPY writes it empty); spans are
 * sliced as report-copy-sql.ts slices them.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

const text = (expr: Sql) => sql`sourcedesk_csv_text(${expr})`;

export function reportCsvClaimsQuery(f: ClaimFilters): Sql {
  return sql`
    WITH ${articlesOf(sql`SELECT c."articleId" FROM "Claim" c WHERE ${claimCondition(f)}`)}
    SELECT CASE WHEN a.id IS NULL THEN 'claim' ELSE 'attribution' END, c."articleId", ${text(sql`ar.title`)},
      ${ISO(ARTICLE_DATE)}, c.id, NULL, c.start, c."end", ${text(sql`c.text`)}, CAST(c."reviewStatus" AS text), ${text(sql`c."reviewComment"`)},
      a.id, CAST(a.mode AS text), s.id, CAST(s.type AS text), ${text(sql`s.name`)}, s.count,
      ${text(sql`s.affiliation`)}, ${text(sql`s.role`)},
      CASE WHEN s.id IS NULL THEN NULL WHEN ${anonymousType(sql`s.type`)} THEN 'true' ELSE 'false' END,
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
