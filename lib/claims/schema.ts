import { z } from "zod";
import { id, limit, optionalText, span, version } from "@/lib/schema";
import { SOURCE_TYPES } from "@/lib/sources/source-types";

export const REVIEW_STATUSES = ["pending", "approved", "flagged"] as const;
export const ATTRIBUTION_MODES = ["direct_quote", "partial_quote", "paraphrase"] as const;

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

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

/** `?mode=a,b` and `?mode=a&mode=b` alike. */
const commaList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean))
    .pipe(z.array(z.enum(values)));

/** GET /api/claims filters; the explorer UI builds the same query string. */
export const findClaimsSchema = z
  .object({
    articleId: oneOrMany(id).optional(),
    sourceType: commaList(SOURCE_TYPES).optional(),
    anonymous: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    mode: commaList(ATTRIBUTION_MODES).optional(),
    reviewStatus: commaList(REVIEW_STATUSES).optional(),
    q: z.string().trim().max(200).optional(),
    limit,
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type FindClaimsInput = z.infer<typeof findClaimsSchema>;
