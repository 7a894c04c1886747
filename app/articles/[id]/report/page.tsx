import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReportView } from "@/components/report-view";
import { TransparencyPanel } from "@/components/transparency-panel";
import { requirePageUser } from "@/lib/auth/page-user";
import { ROLES_THAT_REVIEW, ROLES_THAT_TAKE_CARDS_DOWN } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/public-origin";
import { articleReportMeta } from "@/lib/reports/export-report";
import { loadReport } from "@/lib/reports/load-report";
import { embedSnippet } from "@/lib/transparency/embed-snippet";
import { findCardState } from "@/lib/transparency/manage-card";

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
  const user = await requirePageUser();
  const { id } = await params;
  const meta = await metaOf(id);
  if (!meta) notFound();
  const [report, card, requestHeaders] = await Promise.all([loadReport(meta), findCardState(id), headers()]);
  const origin = publicOrigin(requestHeaders);
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
      {card && (
        <TransparencyPanel
          articleId={id}
          approved={card.status === "approved"}
          publicId={card.publicId}
          origin={origin}
          snippet={card.live ? embedSnippet(origin, card.publicId!, meta.article?.title ?? "") : null}
          canIssue={ROLES_THAT_REVIEW.includes(user.role)}
          canRevoke={ROLES_THAT_TAKE_CARDS_DOWN.includes(user.role)}
        />
      )}
      <ReportView report={report} apiBase={`/api/articles/${id}/report`} />
    </div>
  );
}
