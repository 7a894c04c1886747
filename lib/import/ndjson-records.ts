import type { ImportRecord } from "./import-articles";
import { type ByteCounter, type RawLine, readLines } from "./read-lines";
import { MAX_LINE_BYTES } from "./schema";

/** NDJSON lines as import records: a line that is not a JSON object is a failure of that line only. */
export async function* ndjsonRecords(
  input: AsyncIterable<Buffer | Uint8Array>,
  counter?: ByteCounter,
): AsyncGenerator<ImportRecord> {
  for await (const raw of readLines(input, counter)) yield toRecord(raw);
}

function toRecord(raw: RawLine): ImportRecord {
  if (raw.tooLong) return { line: raw.line, error: `the line is longer than ${MAX_LINE_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch (error) {
    return { line: raw.line, error: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { line: raw.line, error: "must be a JSON object, one article per line" };
  const ref =
    typeof (value as { externalId?: unknown }).externalId === "string"
      ? (value as { externalId: string }).externalId
      : undefined;
  return { line: raw.line, ref, input: value };
}
