import { reportChunks } from "./export-report";
import type { ReportMeta } from "./report-meta";
import { reportResponse } from "./report-response";
import { takeReportSlot } from "./report-slots";
import type { ReportFormat } from "./schema";

/**
 * A report download for `userId`: one of the user's report slots (429 past the limit), held until
 * the stream ends however it ends, and the request's abort signal wired to the export's end.
 */
export async function reportDownload(options: {
  request: Request;
  userId: string;
  meta: ReportMeta;
  format: ReportFormat;
}): Promise<Response> {
  const release = takeReportSlot(options.userId);
  try {
    return await reportResponse(reportChunks(options.format, options.meta), options.meta, options.format, {
      signal: options.request.signal,
      onClose: release,
    });
  } catch (error) {
    release();
    throw error;
  }
}
