import type { ClaimFilters } from "@/lib/claims/schema";
import type { ReportClaim, ReportStatement } from "./report-rows";
import type { ReportSummary } from "./report-summary";

/** What a report is about; the formats render this, the summary, then the streamed rows. */
export interface ReportMeta {
  kind: "article" | "filter";
  title: string;
  generatedAt: string;
  filters: ClaimFilters;
  article: {
    id: string;
    title: string;
    outlet: string | null;
    url: string | null;
    publishedAt: string | null;
    language: string;
  } | null;
}

export interface ReportParts {
  meta: ReportMeta;
  summary: ReportSummary;
  claims: AsyncIterable<ReportClaim>;
  statements: AsyncIterable<ReportStatement>;
}
