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

/**
 * Streams the report: the first chunk is awaited before answering, so a failure up front (a bad
 * cursor, the database down) still gets the API's JSON error; later ones abort the download.
 */
export async function reportResponse(
  chunks: AsyncGenerator<string>,
  meta: ReportMeta,
  format: ReportFormat,
): Promise<Response> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  let buffered = first.done ? "" : first.value;
  let done = Boolean(first.done);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (!done && buffered.length < FLUSH_BYTES) {
          const next = await chunks.next();
          if (next.done) done = true;
          else buffered += next.value;
        }
      } catch (error) {
        console.error("[reports] export failed mid-stream", error);
        controller.error(error);
        return;
      }
      if (buffered) controller.enqueue(encoder.encode(buffered));
      buffered = "";
      if (done) controller.close();
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const disposition = format === "html" ? "inline" : "attachment";
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `${disposition}; filename="${reportFileName(meta, format)}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
