import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { pipeline, type Readable, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";

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

/** The file's lines, gunzipped when it starts with gzip's magic bytes (whatever its name). */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, "r");
  const magic = Buffer.alloc(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file);
  // pipeline() hands a read or gunzip error (a damaged file) to the loop below instead of crashing.
  const input: Readable = magic[0] === 0x1f && magic[1] === 0x8b ? pipeline(raw, createGunzip(), () => {}) : raw;
  const decoder = new StringDecoder("utf8");
  let rest = "";
  // JSON.stringify escapes CR and LF inside strings, so a raw newline always ends a line.
  for await (const chunk of input) {
    rest += decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = rest.indexOf("\n"); nl >= 0; nl = rest.indexOf("\n", start)) {
      yield rest.slice(start, nl);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest) yield rest; // no final newline: a cut-off file, which the footer check then refuses
}
