"use client";

import { describeEvent } from "@/lib/audit/describe-event";
import { formatDayTime } from "@/lib/text/format-date";
import { plural } from "@/lib/text/plural";
import type { WorkspaceArticle } from "@/lib/workspace/types";

/**
 * What the reviewer said: the comment that came with the last status move ("Send back") and how
 * many claims they approved or flagged, so the editor sees it on opening the article.
 */
export function ReviewFeedback({ article }: { article: WorkspaceArticle }) {
  const review = article.latestReview;
  const flagged = article.claims.filter((c) => c.reviewStatus === "flagged").length;
  const approved = article.claims.filter((c) => c.reviewStatus === "approved").length;
  if (!review && !flagged && !approved) return null;
  return (
    <section aria-label="Review feedback" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      {review && (
        <p dir="auto">
          <strong>{review.reviewer ?? "A reviewer"}</strong>{" "}
          {describeEvent({
            action: "update",
            entity: "article",
            before: { status: review.from },
            after: { status: review.status, transition: review.transition, comment: review.comment },
          })}{" "}
          <time dateTime={review.at} className="whitespace-nowrap text-muted">
            {formatDayTime(review.at)}
          </time>
        </p>
      )}
      {(flagged > 0 || approved > 0) && (
        <p className="text-muted">
          {[
            flagged ? `${plural(flagged, "claim")} flagged (⚑ in the text)` : "",
            approved ? `${plural(approved, "claim")} approved (✓)` : "",
          ]
            .filter(Boolean)
            .join(" · ")}
          ; <kbd>[</kbd> <kbd>]</kbd> step through the claims.
        </p>
      )}
    </section>
  );
}
