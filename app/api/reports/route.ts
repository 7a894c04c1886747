import { authenticate } from "@/lib/auth/require-user";
import { parseSearchParams, route } from "@/lib/http";
import { filterReportMeta } from "@/lib/reports/export-report";
import { reportDownload } from "@/lib/reports/report-download";
import { reportQuerySchema } from "@/lib/reports/schema";

export const dynamic = "force-dynamic";

/** GET /api/reports?…the explorer's filters…&format=json|csv|md|html */
export const GET = route(async (request) => {
  const user = await authenticate(request);
  const { format, ...filters } = parseSearchParams(request, reportQuerySchema);
  return reportDownload({ request, userId: user.id, meta: filterReportMeta(filters), format });
});
