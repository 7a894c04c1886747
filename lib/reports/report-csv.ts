import type { ClaimFilters } from "@/lib/claims/schema";
import { CSV_COLUMNS, formatCsv } from "./format-csv";
import { inlined } from "./report-copy-sql";
import { reportCsvClaimsQuery, reportCsvStatementsQuery } from "./report-csv-sql";
import { streamReportClaims, streamUnsourcedStatements } from "./report-rows";
import type { Snapshot } from "./snapshot";

/**
 * The report as CSV, written by PostgreSQL: COPY (the rows, formatted as format-csv.ts formats
 * them; report-csv-sql.ts) TO STDOUT, streamed through with only the record ends turned into CRLF.
 * Building each row in JavaScript cost 2.5–4× the COPY of the same rows (docs/performance.md);
 * this is the COPY. COPY takes no bind parameters, so the filter's values are inlined as escaped
 * literals; a value of any other kind than those the filters produce falls back to formatCsv.
 */
export async function* reportCsv(snapshot: Snapshot, f: ClaimFilters): AsyncGenerator<string> {
  const claims = inlined(reportCsvClaimsQuery(f));
  const statements = inlined(reportCsvStatementsQuery(f));
  if (claims === null || statements === null) {
    yield* formatCsv(streamReportClaims(snapshot, f), streamUnsourcedStatements(snapshot, f));
    return;
  }
  yield `${CSV_COLUMNS.join(",")}\r\n`;
  for (const query of [claims, statements]) {
    const lineEnds = crlf();
    for await (const text of snapshot.copyOut(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`)) yield lineEnds(text);
  }
}

/**
 * COPY ends records with LF; RFC 4180 (and formatCsv) with CRLF. Line breaks inside a quoted
 * field stay as they are: the quote state is carried from chunk to chunk (a doubled quote toggles
 * it twice, so it comes out right).
 */
function crlf(): (text: string) => string {
  let quoted = false;
  return (text) => {
    let out = "";
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) {
        out += `${text.slice(from, i)}\r\n`;
        from = i + 1;
      }
    }
    return out + text.slice(from);
  };
}
