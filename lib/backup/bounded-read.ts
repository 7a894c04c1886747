import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { pipeline, type Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";

/** How large an input file (and what it decompresses to) may be, and how to say it is not. */
export interface InputLimit {
  maxBytes: number;
  /** The name of the variable that raises the limit, for the message. */
  variable: string;
  fail: (message: string) => Error;
}

const isGzip = async (file: string) => {
  const handle = await open(file, "r");
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    return magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
};

const megabytes = (n: number) => `${(n / 1_000_000).toFixed(n < 10_000_000 ? 1 : 0)} MB`;

/**
 * The file's bytes as a stream, gunzipped when it starts with gzip's magic bytes (whatever its
 * name). Refuses a file larger than the limit before reading it, and stops a stream that
 * decompresses past the limit as soon as it does: a gzip bomb (a few kB that inflate to
 * gigabytes) costs at most `maxBytes` of reading, never memory, since gunzip hands over 16 kB
 * chunks with back-pressure.
 */
export async function openBoundedInput(file: string, limit: InputLimit): Promise<Readable> {
  const { size } = await stat(file);
  const tooLarge = (what: string) =>
    limit.fail(
      `${file} ${what} more than ${megabytes(limit.maxBytes)}, the limit (set ${limit.variable} to raise it). Nothing was changed.`,
    );
  if (size > limit.maxBytes) throw tooLarge("is");
  const raw = createReadStream(file);
  if (!(await isGzip(file))) return raw;
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit.maxBytes) done(tooLarge("decompresses to"));
      else done(null, chunk);
    },
  });
  // pipeline() destroys every stage on the first error, so the gunzip stops inflating at once,
  // and hands read or gunzip errors (a damaged file) to whoever consumes the stream.
  return pipeline(raw, createGunzip(), counter, () => {});
}

/** The whole (decompressed) file in memory, for formats that must be parsed whole (JSON). */
export async function readBoundedFile(file: string, limit: InputLimit): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openBoundedInput(file, limit)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
