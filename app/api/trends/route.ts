import { authenticate } from "@/lib/auth/require-user";
import { ok, parseSearchParams, route } from "@/lib/http";
import { findTrends } from "@/lib/trends/find-trends";
import { trendsSchema } from "@/lib/trends/schema";
import { csvResponse, trendsCsv } from "@/lib/trends/trends-csv";

export const dynamic = "force-dynamic";

/** GET /api/trends?interval=month|week&by=outlet|author|desk&…the explorer's filters…&format=json|csv */
export const GET = route(async (request) => {
  await authenticate(request);
  const input = parseSearchParams(request, trendsSchema);
  const trends = await findTrends(input);
  return input.format === "csv" ? csvResponse(trendsCsv(trends), `sourcedesk-trends-${input.interval}`) : ok(trends);
});
