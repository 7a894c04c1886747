import { z } from "zod";
import { claimFilterShape } from "@/lib/claims/schema";

export const TREND_INTERVALS = ["month", "week"] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
export const TREND_GROUPINGS = ["outlet", "author", "desk"] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

const checkDateRange = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const dateRangeIssue = { message: "from must not be after to", path: ["to"] };

/**
 * `GET /api/trends` and `/trends`: the claims explorer's filters (same shape, so the same SQL
 * builder selects the claims) plus the time interval, a breakdown and the answer's format.
 */
export const trendsSchema = z
  .object({
    ...claimFilterShape,
    interval: z.enum(TREND_INTERVALS).default("month"),
    by: z.enum(TREND_GROUPINGS).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
  .refine(checkDateRange, dateRangeIssue);
export type TrendsInput = z.infer<typeof trendsSchema>;

/** `GET /api/diversity`: the same filters; people are broken down by desk and gender. */
export const diversitySchema = z
  .object({
    ...claimFilterShape,
    interval: z.enum(TREND_INTERVALS).default("month"),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
  .refine(checkDateRange, dateRangeIssue);
export type DiversityInput = z.infer<typeof diversitySchema>;
