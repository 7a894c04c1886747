import { escapeLiteral } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";

/**
 * What the reports PostgreSQL writes itself (COPY … TO STDOUT: report-csv-sql.ts,
 * report-json-sql.ts) share: spans of article bodies sliced as JavaScript's body.slice(start, end)
 * slices UTF-16 offsets (through sourcedesk_utf16_slice, migration report_csv_functions, where a
 * body holds a character outside the BMP), isAnonymousType, and the inlining of parameters (COPY
 * takes no bind parameters, so the filter's values are inlined as escaped literals).
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** Any character outside the Basic Multilingual Plane (two UTF-16 units in JavaScript). */
const ASTRAL = "[\u{10000}-\u{10FFFF}]";
/** Characters per piece of a body (see articlesOf). */
const PIECE = Prisma.raw("64");

/**
 * A span's text (NULL when an offset is). PostgreSQL's substr walks the whole of a multibyte
 * string on every call (~30 µs for a 5 kB body; 4 s at 50k claims), so each body is cut once into
 * pieces of PIECE characters and a span reads only the pieces it covers. A body with a character
 * outside the BMP takes the UTF-16 walk instead (offsets then differ from character positions).
 * Reads `arts` (articlesOf) joined on the row's article.
 */
export const slice = (start: Sql, end: Sql) => {
  const first = sql`${start} / ${PIECE} + 1`;
  const last = sql`(greatest(${end}, ${start} + 1) - 1) / ${PIECE} + 1`;
  return sql`CASE WHEN ${start} IS NULL OR ${end} IS NULL THEN NULL
    WHEN arts.astral THEN sourcedesk_utf16_slice(arts.body, true, ${start}, ${end})
    ELSE substr(array_to_string(arts.pieces[${first} : ${last}], ''), ${start} % ${PIECE} + 1, greatest(${end} - ${start}, 0)) END`;
};

/**
 * The CTE `arts`: the bodies of the articles `ids` selects, each read once (the spans of its rows
 * then never decompress it again, as reading ar.body per row did: ~9 s at 50k claims): whole, for
 * the UTF-16 walk, and cut into pieces in one regular-expression pass; and tested once for astral
 * characters.
 */
export const articlesOf = (ids: Sql) => sql`
  arts AS MATERIALIZED (
    SELECT ar.id, ar.body ~ ${ASTRAL} AS astral,
      CASE WHEN ar.body ~ ${ASTRAL} THEN ar.body END AS body,
      ARRAY(SELECT m[1] FROM regexp_matches(ar.body, ${`.{1,${PIECE.text}}`}, 'g') AS m) AS pieces
    FROM "Article" ar WHERE ar.id IN (${ids}))`;

const ANONYMOUS = Prisma.join(ANONYMOUS_SOURCE_TYPES.map((t) => sql`${t}`));

/** isAnonymousType (lib/sources/source-types.ts) of a source's type column. */
export const anonymousType = (type: Sql) => sql`CAST(${type} AS text) IN (${ANONYMOUS})`;

/** A value as an SQL literal, or null for a kind the filters never produce. */
function literal(value: unknown): string | null {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return escapeLiteral(value);
  // Parenthesised: a negative number after a minus sign would otherwise read as `--`, a comment.
  if (typeof value === "number") return Number.isFinite(value) ? `(${value})` : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (Array.isArray(value) && value.every((v) => typeof v === "string"))
    return escapeLiteral(`{${value.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`);
  return null;
}

/** The query's text with its $n parameters replaced by literals (null if one cannot be). */
export function inlined(query: Prisma.Sql): string | null {
  const values = query.values.map(literal);
  if (values.includes(null)) return null;
  return query.text.replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1]!);
}
