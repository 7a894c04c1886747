import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, parseSearchParams, route } from "@/lib/http";
import { articleReportMeta, reportChunks } from "@/lib/reports/export-report";
import { reportResponse } from "@/lib/reports/report-response";
import { articleReportQuerySchema } from "@/lib/reports/schema";

export const dynamic = "force-dynamic";

/** GET /api/articles/:id/report?format=json|csv|md|html */
export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  const id = await idParam(context, "Article");
  const { format } = parseSearchParams(request, articleReportQuerySchema);
  const meta = await articleReportMeta(id);
  return reportResponse(reportChunks(format, meta), meta, format);
});
