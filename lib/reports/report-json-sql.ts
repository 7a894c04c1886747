import { ARTICLE_DATE, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { anonymousType, articlesOf, slice } from "./report-copy-sql";
import { ARTICLE_ORDER, ISO } from "./report-rows";

/**
 * The filter report's two long JSON arrays as SQL, for COPY … TO STDOUT (lib/reports/report-json.ts):
 * one row per claim (and per unsourced sentence), its one column the text JSON.stringify writes of
 * the ReportClaim (ReportStatement) streamReportClaims (streamUnsourcedStatements) yields — same
 * keys in the same order, same order of rows. PostgreSQL's to_json escapes strings as
 * JSON.stringify does. One difference is left on purpose: a span whose offset falls inside a
 * surrogate pair (an emoji cut in half) gives JavaScript half a pair, written "\ud83d", where
 * PostgreSQL's text can only hold whole characters. Every write checks offsets against the body
 * (spanProblem), so only rows written around the app could hold one.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** A value as JSON text; `null` for NULL. */
const json = (expr: Sql) => sql`coalesce(CAST(to_json(${expr}) AS text), 'null')`;

/** `{"key":value,…}` from [key, SQL already giving JSON text] in order. Keys are constants. */
function object(fields: [string, Sql][]): Sql {
  const parts = fields.map(
    ([key, value], i) => sql`${Prisma.raw(`'${i ? "," : "{"}${JSON.stringify(key)}:'`)}, ${value}`,
  );
  return sql`concat(${Prisma.join(parts, ", ")}, '}')`;
}

/** A ReportSourceRef of the source aliased `s`, or `null` when its id is NULL (no via source). */
const sourceRef = (s: string) => {
  const col = (name: string) => json(Prisma.raw(`${s}.${name}`));
  return sql`CASE WHEN ${Prisma.raw(s)}.id IS NULL THEN 'null' ELSE ${object([
    ["id", col("id")],
    ["type", col("type")],
    ["name", col("name")],
    ["count", col("count")],
    ["affiliation", col("affiliation")],
    ["role", col("role")],
    ["anonymous", json(anonymousType(Prisma.raw(`${s}.type`)))],
    ["anonymityReason", col(`"anonymityReason"`)],
  ])} END`;
};

/** A Span `{start, end, text}` of the attribution's offsets, `null` unless both are set. */
const span = (start: Sql, end: Sql, text: Sql) =>
  sql`CASE WHEN ${start} IS NULL OR ${end} IS NULL THEN 'null' ELSE ${object([
    ["start", json(start)],
    ["end", json(end)],
    ["text", json(text)],
  ])} END`;

/** The claim's ReportAttribution array, in the order streamReportClaims reads them. */
const attributions = sql`
  SELECT coalesce('[' || string_agg(${object([
    ["id", json(sql`a.id`)],
    ["mode", json(sql`a.mode`)],
    ["source", sourceRef("s")],
    ["via", sourceRef("v")],
    ["cue", span(sql`a."cueStart"`, sql`a."cueEnd"`, sql`spans.cue`)],
    ["mention", span(sql`a."mentionStart"`, sql`a."mentionEnd"`, sql`spans.mention`)],
    ["note", json(sql`a.note`)],
  ])}, ',' ORDER BY a."createdAt", a.id) || ']', '[]') AS list
  FROM "Attribution" a JOIN "Source" s ON s.id = a."sourceId" LEFT JOIN "Source" v ON v.id = a."viaSourceId"
    CROSS JOIN LATERAL (
      SELECT ${slice(sql`a."cueStart"`, sql`a."cueEnd"`)} AS cue, ${slice(sql`a."mentionStart"`, sql`a."mentionEnd"`)} AS mention
      OFFSET 0) spans
  WHERE a."claimId" = c.id`;

/** The fields a claim and a sentence open with: their id, then their article's (joined as `ar`). */
const rowOfArticle = (row: string): [string, Sql][] => [
  ["id", json(Prisma.raw(`${row}.id`))],
  ["articleId", json(Prisma.raw(`${row}."articleId"`))],
  ["articleTitle", json(sql`ar.title`)],
  ["articleDate", json(ISO(ARTICLE_DATE))],
];

export function reportJsonClaimsQuery(f: ClaimFilters): Sql {
  return sql`
    WITH ${articlesOf(sql`SELECT c."articleId" FROM "Claim" c WHERE ${claimCondition(f)}`)}
    SELECT ${object([
      ...rowOfArticle("c"),
      ["start", json(sql`c.start`)],
      ["end", json(sql`c."end"`)],
      ["text", json(sql`c.text`)],
      ["prefix", json(sql`c.prefix`)],
      ["suffix", json(sql`c.suffix`)],
      // Parts hold only numbers (the claim schema's spans), so jsonb's text without its spaces is
      // JSON.stringify's; and its keys in jsonb's order, as JSON.parse of that text keeps them.
      ["parts", sql`coalesce(replace(CAST(c.parts AS text), ' ', ''), 'null')`],
      ["orphaned", json(sql`c.orphaned`)],
      ["reviewStatus", json(sql`c."reviewStatus"`)],
      ["reviewComment", json(sql`c."reviewComment"`)],
      ["attributions", sql`attributions.list`],
    ])}
    FROM "Claim" c JOIN "Article" ar ON ar.id = c."articleId" JOIN arts ON arts.id = ar.id
      CROSS JOIN LATERAL (${attributions}) attributions
    WHERE ${claimCondition(f)}
    ORDER BY ${ARTICLE_ORDER}, c.start, c."end" DESC, c.id`;
}

export function reportJsonStatementsQuery(f: ClaimFilters): Sql {
  return sql`
    WITH ${articlesOf(sql`SELECT st."articleId" FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f)}`)}
    SELECT ${object([
      ...rowOfArticle("st"),
      ["ordinal", json(sql`st.ordinal`)],
      ["start", json(sql`st.start`)],
      ["end", json(sql`st."end"`)],
      ["text", json(sql`spans.text`)],
    ])}
    FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" JOIN arts ON arts.id = ar.id
      CROSS JOIN LATERAL (SELECT ${slice(sql`st.start`, sql`st."end"`)} AS text OFFSET 0) spans
    WHERE ${unsourcedCondition(f)}
    ORDER BY ${ARTICLE_ORDER}, st.ordinal`;
}
