import { htmlReportContentSecurityPolicy } from "@/lib/security/headers";
import { HTML_REPORT_STYLE_HASH } from "./format-html";
import type { ReportMeta } from "./report-meta";
import type { ReportFormat } from "./schema";

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** Chunks are gathered up to this size before they are sent: fewer, fuller network writes. */
const FLUSH_BYTES = 64 * 1024;

export function reportFileName(meta: ReportMeta, format: ReportFormat): string {
  const slug =
    meta.kind === "article"
      ? meta.title
          .normalize("NFKD")
          .replace(/[^\w\s-]/g, "")
          .trim()
          .replace(/[\s_-]+/g, "-")
          .toLowerCase()
          .slice(0, 60) || "article"
      : "claims";
  return `sourcing-report-${slug}-${meta.generatedAt.slice(0, 10)}.${format}`;
}

/** A reader that has not asked for the next chunk in this long is stalled: its download is ended. */
const stallMs = () => Number(process.env.SOURCEDESK_REPORT_STALL_MS || 30_000);

export interface ReportGuards {
  /** The request's signal: Next aborts it when the client disconnects. */
  signal?: AbortSignal;
  /** Called once when the download ends, however it ends (finished, failed, cancelled, stalled). */
  onClose?: () => void;
}

/**
 * Streams the report: the first chunk is awaited before answering, so a failure up front (a bad
 * cursor, the database down) still gets the API's JSON error; later ones abort the download.
 *
 * Every way a download can end closes `chunks` (whose `finally` ends the report's transaction and
 * frees its connection): the last chunk, an error, the stream's cancel, the request's abort signal
 * (a disconnect while the server waits for the socket to drain never reaches cancel), and a stall
 * timer for a client that stays connected but stops reading.
 */
export async function reportResponse(
  chunks: AsyncGenerator<string>,
  meta: ReportMeta,
  format: ReportFormat,
  guards: ReportGuards = {},
): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    clearTimeout(stallTimer);
    guards.signal?.removeEventListener("abort", onAbort);
    try {
      await chunks.return(undefined);
    } catch (error) {
      console.error("[reports] closing an export failed", error);
    } finally {
      guards.onClose?.();
    }
  };
  function abandon(reason: string) {
    try {
      controller?.error(new Error(reason));
    } catch {
      // already closed or errored
    }
    void finish();
  }
  const onAbort = () => abandon("the client went away");
  guards.signal?.addEventListener("abort", onAbort, { once: true });

  let first: IteratorResult<string>;
  try {
    if (guards.signal?.aborted) throw new Error("the client went away before the report started");
    first = await chunks.next();
  } catch (error) {
    await finish();
    throw error;
  }
  let buffered = first.done ? "" : first.value;
  let done = Boolean(first.done);
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (finished) c.error(new Error("the client went away")); // during the first chunk
    },
    async pull(c) {
      clearTimeout(stallTimer);
      try {
        while (!done && !finished && buffered.length < FLUSH_BYTES) {
          const next = await chunks.next();
          if (next.done) done = true;
          else buffered += next.value;
        }
      } catch (error) {
        if (!finished) console.error("[reports] export failed mid-stream", error);
        abandon("the export failed");
        return;
      }
      if (finished) return; // abandoned meanwhile: the stream is already errored
      if (buffered) c.enqueue(encoder.encode(buffered));
      buffered = "";
      if (done) {
        c.close();
        await finish();
        return;
      }
      const ms = stallMs();
      stallTimer = setTimeout(() => {
        console.warn(`[reports] a download did not read for ${ms} ms; ending it`);
        abandon("the client stopped reading");
      }, ms);
    },
    async cancel() {
      await finish();
    },
  });
  const disposition = format === "html" ? "inline" : "attachment";
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `${disposition}; filename="${reportFileName(meta, format)}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      ...(format === "html"
        ? { "content-security-policy": htmlReportContentSecurityPolicy(HTML_REPORT_STYLE_HASH) }
        : {}),
    },
  });
}
