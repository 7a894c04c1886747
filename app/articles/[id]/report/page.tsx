import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReportView } from "@/components/report-view";
import { requirePageUser } from "@/lib/auth/page-user";
import { AppError } from "@/lib/errors";
import { articleReportMeta } from "@/lib/reports/export-report";
import { loadReport } from "@/lib/reports/load-report";

export const metadata: Metadata = { title: "Sourcing report" };
export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

async function metaOf(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  try {
    return await articleReportMeta(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** /articles/:id/report */
export default async function ArticleReportPage({ params }: { params: Params }) {
  await requirePageUser();
  const { id } = await params;
  const meta = await metaOf(id);
  if (!meta) notFound();
  const report = await loadReport(meta);
  return (
    <div className="space-y-4">
      <nav className="flex gap-4 text-sm print:hidden">
        <Link href={`/articles/${id}`} className="underline">
          ← Back to the article
        </Link>
        <Link href={`/claims?articleId=${id}`} className="underline">
          Explore its claims
        </Link>
      </nav>
      <ReportView report={report} apiBase={`/api/articles/${id}/report`} />
    </div>
  );
}
