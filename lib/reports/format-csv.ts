import type { ReportAttribution, ReportClaim, ReportStatement } from "./report-rows";

/**
 * RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a quote, comma or line
 * break (quotes doubled). A text cell starting with = + - @ (or tab / carriage return) gets a
 * leading apostrophe so a spreadsheet shows it instead of running it as a formula.
 * lib/reports/report-csv-sql.ts writes the same columns in SQL (the CSV the app serves): a column
 * added here goes there too; tests/integration/report-copy.test.ts compares the two byte for byte.
 */
export const CSV_COLUMNS = [
  "record",
  "article_id",
  "article_title",
  "article_date",
  "claim_id",
  "statement_id",
  "start",
  "end",
  "text",
  "review_status",
  "review_comment",
  "attribution_id",
  "mode",
  "source_id",
  "source_type",
  "source_name",
  "source_count",
  "source_affiliation",
  "source_role",
  "source_anonymous",
  "anonymity_reason",
  "cue_start",
  "cue_end",
  "cue_text",
  "mention_start",
  "mention_end",
  "mention_text",
  "via_source_id",
  "via_source_type",
  "via_source_name",
  "note",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvRecord = Partial<Record<CsvColumn, string | number | boolean | null>>;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (record: CsvRecord) => `${CSV_COLUMNS.map((c) => csvCell(record[c])).join(",")}\r\n`;

function attributionCells(a: ReportAttribution): CsvRecord {
  return {
    attribution_id: a.id,
    mode: a.mode,
    source_id: a.source.id,
    source_type: a.source.type,
    source_name: a.source.name,
    source_count: a.source.count,
    source_affiliation: a.source.affiliation,
    source_role: a.source.role,
    source_anonymous: a.source.anonymous,
    anonymity_reason: a.source.anonymityReason,
    cue_start: a.cue?.start,
    cue_end: a.cue?.end,
    cue_text: a.cue?.text,
    mention_start: a.mention?.start,
    mention_end: a.mention?.end,
    mention_text: a.mention?.text,
    via_source_id: a.via?.id,
    via_source_type: a.via?.type,
    via_source_name: a.via?.name,
    note: a.note,
  };
}

/** One row per attribution; a claim nobody is credited with yet still gets one row, with empty source columns. */
export function claimRecords(c: ReportClaim): CsvRecord[] {
  const base: CsvRecord = {
    article_id: c.articleId,
    article_title: c.articleTitle,
    article_date: c.articleDate,
    claim_id: c.id,
    start: c.start,
    end: c.end,
    text: c.text,
    review_status: c.reviewStatus,
    review_comment: c.reviewComment,
  };
  if (!c.attributions.length) return [{ record: "claim", ...base }];
  return c.attributions.map((a) => ({ record: "attribution", ...base, ...attributionCells(a) }));
}

export function statementRecord(s: ReportStatement): CsvRecord {
  return {
    record: "unsourced_statement",
    article_id: s.articleId,
    article_title: s.articleTitle,
    article_date: s.articleDate,
    statement_id: s.id,
    start: s.start,
    end: s.end,
    text: s.text,
  };
}

/** Lines are joined into chunks of about this many characters: one yield (and one stream hop) per chunk, not per line. */
const CHUNK_CHARS = 64 * 1024;

export async function* formatCsv(
  claims: AsyncIterable<ReportClaim>,
  statements: AsyncIterable<ReportStatement>,
): AsyncGenerator<string> {
  let chunk = `${CSV_COLUMNS.join(",")}\r\n`;
  for await (const claim of claims) {
    for (const record of claimRecords(claim)) chunk += csvLine(record);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  for await (const statement of statements) {
    chunk += csvLine(statementRecord(statement));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
}
