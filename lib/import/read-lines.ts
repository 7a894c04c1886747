import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { MAX_LINE_BYTES } from "./schema";

export interface RawLine {
  /** 1-based line number in the (decompressed) input. */
  line: number;
  text: string;
  /** Set instead of `text` when the line is longer than MAX_LINE_BYTES (it is skipped, not buffered). */
  tooLong?: boolean;
}

/** Counts the bytes that pass (before decompression), for progress. */
export class ByteCounter {
  bytes = 0;
}

/**
 * Gunzips when the input starts with gzip's magic bytes, whatever its name says (a browser upload of
 * a `.jsonl.gz` file arrives as plain bytes).
 */
async function* decompressed(input: AsyncIterable<Buffer | Uint8Array>, counter: ByteCounter) {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  const rest = (async function* () {
    counter.bytes += head.length;
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      counter.bytes += next.value.length;
      yield Buffer.from(next.value);
    }
  })();
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    Readable.from(rest).pipe(gunzip);
    yield* gunzip as AsyncIterable<Buffer>;
  } else yield* rest;
}

/**
 * The input's lines (LF or CRLF), decoded as UTF-8, without ever holding more than one line: a line
 * over MAX_LINE_BYTES is reported as too long and skipped. Blank lines are left out.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | Uint8Array>,
  counter = new ByteCounter(),
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (tail: Buffer): RawLine | null => {
    line++;
    if (tooLong || size + tail.length > maxLineBytes) return { line, text: "", tooLong: true };
    let buffer = parts.length ? Buffer.concat([...parts, tail]) : tail;
    if (buffer[buffer.length - 1] === 0x0d) buffer = buffer.subarray(0, buffer.length - 1);
    const text = buffer.toString("utf8");
    return text.trim() ? { line, text } : null;
  };
  for await (const chunk of decompressed(input, counter)) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) break;
      const result = finish(chunk.subarray(from, nl));
      if (result) yield result;
      parts = [];
      size = 0;
      tooLong = false;
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    if (!rest.length) continue;
    if (tooLong || size + rest.length > maxLineBytes) {
      tooLong = true;
      parts = [];
    } else parts.push(Buffer.from(rest));
    size += rest.length;
  }
  if (size || tooLong) {
    const result = finish(Buffer.alloc(0));
    if (result) yield result;
  }
}
