import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGzip } from "node:zlib";
import { type InputLimit, openBoundedInput } from "./bounded-read";

const CHUNK_BYTES = 256 * 1024;

/** Buffered line writer with back-pressure; gzipped when the name ends in `.gz`. */
export async function openBackupWriter(file: string) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  // "wx": never overwrite an existing backup by mistake.
  const fileStream = createWriteStream(file, { flags: "wx" });
  await once(fileStream, "open");
  const gzip = file.endsWith(".gz") ? createGzip() : null;
  if (gzip) gzip.pipe(fileStream);
  const target: Writable = gzip ?? fileStream;
  let buffer: string[] = [];
  let buffered = 0;
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = buffer.join("");
    buffer = [];
    buffered = 0;
    if (!target.write(chunk)) await once(target, "drain");
  };
  return {
    async write(line: string) {
      buffer.push(line);
      buffered += line.length;
      if (buffered >= CHUNK_BYTES) await flush();
    },
    /** Flushes and waits until the data is on disk (fsync): a backup that says "done" is there. */
    async close() {
      await flush();
      target.end();
      await finished(fileStream);
      const handle = await open(file, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * No row of ours comes near this (an article body is at most 2 MB, a few times that escaped); a
 * longer "line" is a damaged or hostile file, refused before it fills memory.
 */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * The file's lines, gunzipped when it starts with gzip's magic bytes (whatever its name), within
 * `limit` (bounded-read.ts: the file and what it decompresses to) and MAX_LINE_CHARS a line.
 */
export async function* readBackupLines(file: string, limit: InputLimit): AsyncGenerator<string> {
  const input = await openBoundedInput(file, limit);
  const decoder = new StringDecoder("utf8");
  // The line being read, as pieces: joined once its newline arrives, so a long line costs its
  // length, not its length times the number of chunks it spans.
  let pending: string[] = [];
  let pendingChars = 0;
  let lineNumber = 1;
  // JSON.stringify escapes CR and LF inside strings, so a raw newline always ends a line.
  for await (const chunk of input) {
    const text = decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      pending.push(text.slice(start, nl));
      yield pending.join("");
      pending = [];
      pendingChars = 0;
      lineNumber++;
      start = nl + 1;
    }
    if (start < text.length) {
      pending.push(text.slice(start));
      pendingChars += text.length - start;
    }
    if (pendingChars > MAX_LINE_CHARS) {
      input.destroy();
      throw limit.fail(`Line ${lineNumber} of ${file} is longer than ${MAX_LINE_CHARS} characters: not a backup line`);
    }
  }
  const rest = pending.join("") + decoder.end();
  if (rest) yield rest; // no final newline: a cut-off file, which the footer check then refuses
}
