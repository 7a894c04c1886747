import { z } from "zod";
import { enumValues } from "@/lib/enum-values";
import { AttributionMode, ReviewStatus } from "@/lib/generated/prisma/enums";
import { id, limit, optionalText, span, text, version } from "@/lib/schema";
import { SOURCE_TYPES } from "@/lib/sources/source-types";

export const REVIEW_STATUSES = enumValues(ReviewStatus);
export const ATTRIBUTION_MODES = enumValues(AttributionMode);

export const createClaimSchema = z
  .object({
    articleId: id,
    start: span.shape.start,
    end: span.shape.end,
    /** Fragments of a split quote; start/end then span the whole. */
    parts: z.array(span).min(1).max(50).optional(),
  })
  .strict()
  .refine((c) => c.start < c.end, { message: "start must be less than end", path: ["end"] });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const reviewClaimSchema = z
  .object({ reviewStatus: z.enum(REVIEW_STATUSES), reviewComment: optionalText(2000), version })
  .strict();
export type ReviewClaimInput = z.infer<typeof reviewClaimSchema>;

/**
 * A claim's new span, its attributions kept: the same fields as creating one. `parts` omitted or
 * null makes the claim one piece again (old parts rarely fit a new span).
 */
export const updateClaimSpanSchema = z
  .object({
    start: span.shape.start,
    end: span.shape.end,
    parts: z.union([z.array(span).min(1).max(50), z.null()]).optional(),
    version,
  })
  .strict()
  .refine((c) => c.start < c.end, { message: "start must be less than end", path: ["end"] });
export type UpdateClaimSpanInput = z.infer<typeof updateClaimSpanSchema>;

/**
 * PATCH /api/claims/:id takes one of two changes: a span (`start`, `end`, `parts`; editors) or a
 * review (`reviewStatus`, `reviewComment`; reviewers). The body's keys say which schema applies;
 * a body mixing both fails the span schema's strict check (400).
 */
export function claimPatchSchema(body: unknown) {
  const span = typeof body === "object" && body !== null && ["start", "end", "parts"].some((k) => k in body);
  return span ? updateClaimSpanSchema : reviewClaimSchema;
}

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

/** `?mode=a,b` and `?mode=a&mode=b` alike. */
const commaList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean))
    .pipe(z.array(z.enum(values)));

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");

/** A calendar day, inclusive, compared with the article's date (published, else added). */
const day = z.iso
  .date({ message: "Must be a date (YYYY-MM-DD)" })
  .refine((d) => d >= "1000-01-01", "Must be a date after the year 1000");

/** Repeated parameters only: an affiliation may itself contain a comma ("Ministry of Health, Gaza"). */
const repeatedText = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(text(200)).max(50));

export const CLAIM_SORTS = ["newest", "oldest", "article"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/**
 * The explorer's filters, shared by `GET /api/claims`, `/claims`, `/reports` and `GET /api/reports`
 * so a view, its API answer and its report always select the same claims.
 */
export const claimFilterShape = {
  articleId: oneOrMany(id).optional(),
  sourceType: commaList(SOURCE_TYPES).optional(),
  /** true: the claim rests only on anonymous sources; false: at least one attribution names its source. */
  anonymous: booleanParam.optional(),
  affiliation: repeatedText.optional(),
  mode: commaList(ATTRIBUTION_MODES).optional(),
  /** Second-hand: true when some attribution came through another source ("as quoted by …"). */
  via: booleanParam.optional(),
  reviewStatus: commaList(REVIEW_STATUSES).optional(),
  from: day.optional(),
  to: day.optional(),
  /** Statements with no attribution: sentences that no attributed claim covers, instead of claims. */
  unsourced: booleanParam.optional(),
  q: text(200).optional(),
};

const claimFilterObject = z.object(claimFilterShape).strict();
export type ClaimFilters = z.infer<typeof claimFilterObject>;
export type FilterKey = keyof ClaimFilters;

const checkDateRange = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const dateRangeIssue = { message: "from must not be after to", path: ["to"] };

export const claimFiltersSchema = claimFilterObject.refine(checkDateRange, dateRangeIssue);

/** GET /api/claims filters; the explorer UI builds the same query string. */
export const findClaimsSchema = z
  .object({
    ...claimFilterShape,
    sort: z.enum(CLAIM_SORTS).default("newest"),
    limit,
    cursor: z.string().max(500).optional(),
  })
  .strict()
  .refine(checkDateRange, dateRangeIssue);
export type FindClaimsInput = z.infer<typeof findClaimsSchema>;

/** The filters that select claims by their attributions or review; unsourced statements match none of them. */
export const CLAIM_ONLY_FILTERS = [
  "sourceType",
  "anonymous",
  "affiliation",
  "mode",
  "via",
  "reviewStatus",
] as const satisfies readonly FilterKey[];
