import { type ClaimFilters, claimFiltersSchema, type FindClaimsInput, findClaimsSchema } from "./schema";

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Filters as a query string, in one canonical form, so the explorer, its report and its exports
 * link to each other with the same parameters `GET /api/claims` and `GET /api/reports` take.
 */
export function filterSearchParams(
  f: Partial<ClaimFilters> & { sort?: string; cursor?: string },
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  const add = (key: string, value: string | boolean | undefined) =>
    value !== undefined && value !== "" && params.append(key, String(value));
  for (const id of f.articleId ?? []) add("articleId", id);
  if (f.sourceType?.length) add("sourceType", f.sourceType.join(","));
  add("anonymous", f.anonymous);
  for (const a of f.affiliation ?? []) add("affiliation", a);
  if (f.mode?.length) add("mode", f.mode.join(","));
  add("via", f.via);
  if (f.reviewStatus?.length) add("reviewStatus", f.reviewStatus.join(","));
  add("from", f.from);
  add("to", f.to);
  if (f.unsourced) add("unsourced", true);
  add("q", f.q);
  if (f.sort && f.sort !== "newest") add("sort", f.sort);
  add("cursor", f.cursor);
  for (const [key, value] of Object.entries(extra)) add(key, value);
  return params;
}

/**
 * Page search params → input; empty fields (a submitted form's blanks) are dropped first. A NUL
 * (which PostgreSQL text cannot hold) is kept, so validation refuses it instead of the database.
 */
export function compact(raw: RawParams, keys: readonly string[]) {
  const out: Record<string, string | string[]> = {};
  for (const key of keys) {
    const values = [raw[key] ?? []].flat().filter((v) => v !== "");
    if (values.length) out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export type PageParse<T> = { ok: true; value: T } | { ok: false; value: T; message: string };

export function parseExplorerParams(raw: RawParams): PageParse<FindClaimsInput> {
  const result = findClaimsSchema.safeParse(compact(raw, Object.keys(findClaimsSchema.shape)));
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    value: findClaimsSchema.parse({}),
    message: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}

export function parseReportParams(raw: RawParams): PageParse<ClaimFilters> {
  const result = claimFiltersSchema.safeParse(compact(raw, Object.keys(claimFiltersSchema.shape)));
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    value: {},
    message: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}
