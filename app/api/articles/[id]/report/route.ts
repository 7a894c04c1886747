import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, parseSearchParams, route } from "@/lib/http";
import { articleReportMeta } from "@/lib/reports/export-report";
import { reportDownload } from "@/lib/reports/report-download";
import { articleReportQuerySchema } from "@/lib/reports/schema";

export const dynamic = "force-dynamic";

/** GET /api/articles/:id/report?format=json|csv|md|html */
export const GET = route(async (request, context: IdContext) => {
  const user = await authenticate(request);
  const id = await idParam(context, "Article");
  const { format } = parseSearchParams(request, articleReportQuerySchema);
  return reportDownload({ request, userId: user.id, meta: await articleReportMeta(id), format });
});
