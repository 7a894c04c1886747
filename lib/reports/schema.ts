import { z } from "zod";
import { claimFilterShape } from "@/lib/claims/schema";

export const REPORT_FORMATS = ["json", "csv", "md", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const format = z.enum(REPORT_FORMATS).default("json");

/** `GET /api/reports?…explorer filters…&format=` */
export const reportQuerySchema = z
  .object({ ...claimFilterShape, format })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["to"] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** `GET /api/articles/:id/report?format=` */
export const articleReportQuerySchema = z.object({ format }).strict();
