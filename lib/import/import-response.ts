import { AppError } from "@/lib/errors";
import { type ImportOptions, importArticles } from "./import-articles";
import { ndjsonRecords } from "./ndjson-records";
import { ByteCounter, fromWeb } from "./read-lines";
import { type ImportEvent, MAX_IMPORT_BYTES } from "./schema";

/** Passes the body through, failing once more than `max` bytes have arrived (Content-Length can lie or be absent). */
async function* limited(input: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > max)
      throw new AppError(
        "too_large",
        `The import body exceeds ${max} bytes; use npm run import:articles for larger archives`,
      );
    yield chunk;
  }
}

/**
 * POST /api/articles/import: reads the NDJSON (or gzipped NDJSON) body as it arrives and answers
 * with NDJSON events as the import goes — `progress` after every batch, `failure` per bad line,
 * then `summary`; or a final `error` event if the import had to stop (what was written before it
 * stays written, and running the same import again skips it).
 */
export function importResponse(request: Request, options: Pick<ImportOptions, "actorId" | "onDuplicate">): Response {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_BYTES) throw new AppError("too_large", `The import body exceeds ${MAX_IMPORT_BYTES} bytes`);
  const counter = new ByteCounter();
  const encoder = new TextEncoder();
  const body = request.body;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent | { type: "error"; error: { code: string; message: string } }) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const input = body ? limited(fromWeb(body), MAX_IMPORT_BYTES) : (async function* () {})();
        await importArticles(ndjsonRecords(input, counter), {
          ...options,
          bytesRead: () => counter.bytes,
          onEvent: send,
          signal: request.signal,
        });
      } catch (error) {
        const known = error instanceof AppError;
        if (!known) console.error("[import] stopped", error);
        send({
          type: "error",
          error: known
            ? { code: error.code, message: error.message }
            : { code: "internal_error", message: "The import stopped on our side; it has been logged" },
        });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
