import type { JsonArrays } from "./report-json";
import type { ReportParts } from "./report-meta";

async function* jsonArray(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  for await (const item of items) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
}

/** How many sources go into one chunk of the head: small chunks, few of them. */
const SOURCES_PER_CHUNK = 200;

/**
 * The head — `{"report", "totals", …, "sources": [...], "anonymousWithoutReason"` — pretty-printed
 * exactly as `JSON.stringify(head, null, 2)` prints it, but the sources a few at a time: a 50k-claim
 * selection rests on ~56k sources, whose one-piece text (27 MB, then copied into the response's
 * bytes) was most of the JSON export's memory growth (docs/performance.md, round 6).
 */
function* prettyHead(head: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(head).filter(([, value]) => value !== undefined);
  const field = ([key, value]: [string, unknown]) =>
    `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll("\n", "\n  ")}`;
  let out = "{\n";
  for (const [i, [key, value]] of entries.entries()) {
    const end = i < entries.length - 1 ? ",\n" : "\n";
    if (!Array.isArray(value) || value.length === 0) {
      out += field([key, value]) + end;
      continue;
    }
    out += `  ${JSON.stringify(key)}: [\n`;
    for (const [j, item] of value.entries()) {
      out += `    ${JSON.stringify(item ?? null, null, 2).replaceAll("\n", "\n    ")}${j < value.length - 1 ? ",\n" : "\n"}`;
      if (j % SOURCES_PER_CHUNK === SOURCES_PER_CHUNK - 1) {
        yield out;
        out = "";
      }
    }
    out += `  ]${end}`;
  }
  yield `${out}}`;
}

/**
 * `{"report", "totals", …, "unsourcedStatements": [...], "claims": [...]}` written as it is read, so
 * the long arrays never sit in memory as text. Claims carry their offsets and text-quote selectors.
 * The arrays' text may come written already (report-json.ts); else it is the streamed objects'.
 */
export async function* formatJson(
  { meta, summary, claims, statements }: ReportParts,
  arrays: JsonArrays = { statements: jsonArray(statements), claims: jsonArray(claims) },
): AsyncGenerator<string> {
  let last = "";
  for (const chunk of prettyHead({ report: meta, ...summary })) {
    if (last) yield last;
    last = chunk;
  }
  // The head's closing "\n}" is left off: the streamed arrays follow as more fields.
  yield `${last.slice(0, -2)},\n  "unsourcedStatements": [`;
  yield* arrays.statements;
  yield `],\n  "claims": [`;
  yield* arrays.claims;
  yield "]\n}\n";
}
