import { compact, filterSearchParams, type PageParse } from "@/lib/claims/filter-query";
import { type TrendsInput, trendsSchema } from "./schema";

type RawParams = Record<string, string | string[] | undefined>;

/** /trends?… → input; a query it cannot read falls back to every claim, monthly, with a message. */
export function parseTrendsParams(raw: RawParams): PageParse<TrendsInput> {
  const result = trendsSchema.safeParse(compact(raw, Object.keys(trendsSchema.shape)));
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    value: trendsSchema.parse({}),
    message: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}

/** The query string the page, its CSV links and the API share (format left out). */
export function trendsQuery(input: TrendsInput, extra: Record<string, string> = {}): string {
  const { interval, by, format: _f, ...filters } = input;
  return filterSearchParams(filters, {
    ...(interval !== "month" ? { interval } : {}),
    ...(by ? { by } : {}),
    ...extra,
  }).toString();
}
