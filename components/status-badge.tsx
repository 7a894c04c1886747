import { STATUS_LABELS } from "@/lib/articles/article-status";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<ArticleStatus, string> = {
  draft: "bg-gray-100 text-gray-800",
  in_review: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}
