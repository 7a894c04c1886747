import type { ClaimFilters } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { formatHtml } from "./format-html";
import { formatJson } from "./format-json";
import { formatMarkdown } from "./format-markdown";
import { reportCsv } from "./report-csv";
import { copiedJsonArrays } from "./report-json";
import type { ReportMeta, ReportParts } from "./report-meta";
import { streamReportClaims, streamUnsourcedStatements } from "./report-rows";
import { buildReportSummary } from "./report-summary";
import type { ReportFormat } from "./schema";
import { snapshotStream } from "./snapshot";

/** The formats that open with the summary; the CSV is rows only. */
const FORMATTERS: Record<Exclude<ReportFormat, "csv">, (parts: ReportParts) => AsyncIterable<string>> = {
  json: formatJson,
  md: formatMarkdown,
  html: formatHtml,
};

/** The heading of an article's report; 404 when there is no such article. */
export async function articleReportMeta(id: string): Promise<ReportMeta> {
  const article = await db().article.findUnique({
    where: { id },
    select: { id: true, title: true, outlet: true, url: true, publishedAt: true, language: true },
  });
  if (!article) throw notFound("Article");
  return {
    kind: "article",
    title: article.title,
    generatedAt: new Date().toISOString(),
    filters: { articleId: [id] },
    article: { ...article, publishedAt: article.publishedAt?.toISOString() ?? null },
  };
}

export function filterReportMeta(filters: ClaimFilters): ReportMeta {
  return {
    kind: "filter",
    title: "claims explorer selection",
    generatedAt: new Date().toISOString(),
    filters,
    article: null,
  };
}

/** The report as text chunks, computed and read inside one database snapshot as the reader consumes them. */
export function reportChunks(format: ReportFormat, meta: ReportMeta): AsyncGenerator<string> {
  return snapshotStream(async function* (snapshot) {
    // The CSV has no summary (its totals, four aggregates over every matching claim, are not
    // computed) and is written by PostgreSQL.
    if (format === "csv") {
      yield* reportCsv(snapshot, meta.filters);
      return;
    }
    const summary = await buildReportSummary(snapshot, meta.filters);
    // Lazy: a cursor opens only when its rows are read (not at all for a JSON written by COPY).
    const claims = streamReportClaims(snapshot, meta.filters);
    const statements = streamUnsourcedStatements(snapshot, meta.filters);
    const parts = { meta, summary, claims, statements };
    const copied = format === "json" ? copiedJsonArrays(snapshot, meta.filters) : null;
    yield* copied ? formatJson(parts, copied) : FORMATTERS[format](parts);
  });
}
