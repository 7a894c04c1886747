import type { Metadata } from "next";
import Link from "next/link";
import { ReportView } from "@/components/report-view";
import { requirePageUser } from "@/lib/auth/page-user";
import { filterSearchParams, parseReportParams } from "@/lib/claims/filter-query";
import { filterReportMeta } from "@/lib/reports/export-report";
import { loadReport } from "@/lib/reports/load-report";

export const metadata: Metadata = { title: "Sourcing report" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /reports?…the explorer's filters… */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser();
  const parsed = parseReportParams(await searchParams);
  const query = filterSearchParams(parsed.value).toString();
  const report = await loadReport(filterReportMeta(parsed.value));
  return (
    <div className="space-y-4">
      <Link href={`/claims${query ? `?${query}` : ""}`} className="text-sm underline print:hidden">
        ← Back to the claims
      </Link>
      {!parsed.ok && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          The filters in the address were not understood, so this report covers every claim ({parsed.message}).
        </p>
      )}
      <ReportView report={report} apiBase={`/api/reports${query ? `?${query}` : ""}`} />
    </div>
  );
}
