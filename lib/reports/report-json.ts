import type { ClaimFilters } from "@/lib/claims/schema";
import { inlined } from "./report-copy-sql";
import { reportJsonClaimsQuery, reportJsonStatementsQuery } from "./report-json-sql";
import type { Snapshot } from "./snapshot";

/** The JSON report's long arrays as the text between their brackets (format-json.ts). */
export interface JsonArrays {
  statements: AsyncIterable<string>;
  claims: AsyncIterable<string>;
}

/**
 * The JSON report's claims and unsourced sentences written by PostgreSQL: COPY (one JSON text per
 * row, report-json-sql.ts) TO STDOUT, its lines joined with commas. Building the objects in
 * JavaScript and stringifying them cost 2.7× the COPY of the rows and +130 MB of RSS at 50k claims
 * (docs/performance.md). Null when a filter value cannot be inlined: format-json.ts then writes the
 * streamed objects itself.
 */
export function copiedJsonArrays(snapshot: Snapshot, f: ClaimFilters): JsonArrays | null {
  const claims = inlined(reportJsonClaimsQuery(f));
  const statements = inlined(reportJsonStatementsQuery(f));
  if (claims === null || statements === null) return null;
  // Text output would escape the JSON's backslashes; CSV output with a quote and a delimiter that
  // never occur in it (to_json escapes every control character) writes each row as it is.
  const copy = (query: string) =>
    commaLines(snapshot.copyOut(`COPY (${query}) TO STDOUT WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')`));
  return { statements: copy(statements), claims: copy(claims) };
}

/** "a\nb\n" → "\na,\nb": the items as format-json.ts lays them out, one per line after the bracket. */
async function* commaLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  let heldLineEnd = false;
  for await (const text of chunks) {
    if (!text) continue;
    const lineEnd = text.endsWith("\n");
    const lines = lineEnd ? text.slice(0, -1) : text;
    yield (first ? "\n" : heldLineEnd ? ",\n" : "") + lines.replaceAll("\n", ",\n");
    first = false;
    heldLineEnd = lineEnd;
  }
}
