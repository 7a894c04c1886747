import type { ReportParts } from "./report-meta";

async function* jsonArray(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  for await (const item of items) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
}

/**
 * `{"report", "totals", …, "unsourcedStatements": [...], "claims": [...]}` written as it is read, so
 * the long arrays never sit in memory. Claims carry their offsets and text-quote selectors.
 */
export async function* formatJson({ meta, summary, claims, statements }: ReportParts): AsyncGenerator<string> {
  const head = JSON.stringify({ report: meta, ...summary }, null, 2);
  yield `${head.slice(0, -2)},\n  "unsourcedStatements": [`;
  yield* jsonArray(statements);
  yield `],\n  "claims": [`;
  yield* jsonArray(claims);
  yield "]\n}\n";
}
