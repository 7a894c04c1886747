import { authenticate } from "@/lib/auth/require-user";
import { parseSearchParams, route } from "@/lib/http";
import { filterReportMeta, reportChunks } from "@/lib/reports/export-report";
import { reportResponse } from "@/lib/reports/report-response";
import { reportQuerySchema } from "@/lib/reports/schema";

export const dynamic = "force-dynamic";

/** GET /api/reports?…the explorer's filters…&format=json|csv|md|html */
export const GET = route(async (request) => {
  await authenticate(request);
  const { format, ...filters } = parseSearchParams(request, reportQuerySchema);
  const meta = filterReportMeta(filters);
  return reportResponse(reportChunks(format, meta), meta, format);
});
