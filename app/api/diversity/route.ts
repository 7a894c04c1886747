import { authenticate } from "@/lib/auth/require-user";
import { ok, parseSearchParams, route } from "@/lib/http";
import { diversityCsv } from "@/lib/trends/diversity-csv";
import { findDiversity } from "@/lib/trends/find-diversity";
import { diversitySchema } from "@/lib/trends/schema";
import { csvResponse } from "@/lib/trends/trends-csv";

export const dynamic = "force-dynamic";

/** GET /api/diversity?interval=month|week&…the explorer's filters…&format=json|csv */
export const GET = route(async (request) => {
  await authenticate(request);
  const input = parseSearchParams(request, diversitySchema);
  const diversity = await findDiversity(input);
  return input.format === "csv"
    ? csvResponse(diversityCsv(diversity), `sourcedesk-diversity-${input.interval}`)
    : ok(diversity);
});
