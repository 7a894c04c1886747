import { REPORT_FORMATS, type ReportFormat } from "@/lib/reports/schema";

const LABELS: Record<ReportFormat, string> = { json: "JSON", csv: "CSV", md: "Markdown", html: "Printable HTML" };

/** Download links for a report's exports; `base` is the API path and query without `format`. */
export function ReportDownloads({ base }: { base: string }) {
  const join = base.includes("?") ? "&" : "?";
  return (
    <nav aria-label="Downloads" className="flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="text-muted">Download:</span>
      {/* Printable HTML opens as a page to print (the server sends it inline); the others download. */}
      {REPORT_FORMATS.map((format) => (
        <a
          key={format}
          href={`${base}${join}format=${format}`}
          {...(format === "html" ? { target: "_blank", rel: "noopener" } : { download: true })}
          className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50"
        >
          {LABELS[format]}
        </a>
      ))}
    </nav>
  );
}
