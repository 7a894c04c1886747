import { AppError } from "@/lib/errors";
import { readBody, streamResponse } from "@/lib/http";
import { takeUserSlot } from "@/lib/user-slots";
import { type ImportOptions, importArticles } from "./import-articles";
import { ndjsonRecords } from "./ndjson-records";
import { ByteCounter } from "./read-lines";
import { type ImportEvent, MAX_IMPORT_BYTES } from "./schema";

/**
 * Imports one user may run at once (per app server): each holds up to two import connections and
 * the segmentation workers, so a script that starts many cannot take them all from everyone else.
 */
export const IMPORTS_PER_USER = 2;

const tooLarge = () =>
  new AppError(
    "too_large",
    `The import body exceeds ${MAX_IMPORT_BYTES} bytes; use npm run import:articles for larger archives`,
  );

type StreamedEvent = ImportEvent | { type: "error"; error: { code: string; message: string } };

/**
 * POST /api/articles/import: reads the NDJSON (or gzipped NDJSON) body as it arrives and answers
 * with NDJSON events as the import goes — `progress` after every batch, `failure` per bad line,
 * then `summary`; or a final `error` event if the import had to stop (what was written before it
 * stays written, and running the same import again skips it). A reader that stops reading the
 * events pauses the import (streamResponse's backpressure), and one that goes away stops it.
 */
export function importResponse(request: Request, options: Pick<ImportOptions, "actorId" | "onDuplicate">): Response {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_BYTES) throw tooLarge();
  const release = takeUserSlot({
    kind: "import",
    userId: options.actorId,
    limit: IMPORTS_PER_USER,
    refusal: (held) => `You already have ${held} imports running; wait for one to finish and try again`,
    retryAfterSeconds: 10,
  });
  const counter = new ByteCounter();
  return streamResponse(
    async (write, cancelled) => {
      const send = (event: StreamedEvent) => write(`${JSON.stringify(event)}\n`);
      const signal = AbortSignal.any([request.signal, cancelled]);
      try {
        const input = readBody(request, { limit: MAX_IMPORT_BYTES, tooLarge, signal });
        await importArticles(ndjsonRecords(input, counter), {
          ...options,
          bytesRead: () => counter.bytes,
          onEvent: send,
          signal,
        });
      } catch (error) {
        if (signal.aborted) return; // nobody is left to tell
        const known = error instanceof AppError;
        if (!known) console.error("[import] stopped", error);
        await send({
          type: "error",
          error: known
            ? { code: error.code, message: error.message }
            : { code: "internal_error", message: "The import stopped on our side; it has been logged" },
        });
      }
    },
    {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
      onClose: release,
    },
  );
}
