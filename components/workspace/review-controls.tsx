"use client";

import { useState } from "react";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import type { WorkspaceClaim } from "@/lib/workspace/types";

/** A reviewer's verdict on one claim, with a comment the editor will see in the text and the panel. */
export function ReviewControls({
  claim,
  canReview,
  onReview,
}: {
  claim: WorkspaceClaim;
  canReview: boolean;
  onReview: (s: ReviewStatus, c: string | null) => void;
}) {
  const [comment, setComment] = useState(claim.reviewComment ?? "");
  return (
    <div className="space-y-2 text-sm">
      <p>
        Review: <strong>{claim.reviewStatus}</strong>
        {claim.reviewComment && (
          <span className="text-muted" dir="auto">
            {" "}
            — {claim.reviewComment}
          </span>
        )}
      </p>
      {canReview && (
        <div className="space-y-2">
          <label className="block">
            Review comment
            <input
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              dir="auto"
              className="mt-1 w-full rounded border border-gray-300 px-2 py-1"
            />
          </label>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded border border-green-600 px-2 py-0.5 text-green-800"
              onClick={() => onReview("approved", comment.trim() || null)}
            >
              Approve claim
            </button>
            <button
              type="button"
              className="rounded border border-red-600 px-2 py-0.5 text-red-800"
              onClick={() => onReview("flagged", comment.trim() || null)}
            >
              Flag claim
            </button>
            {claim.reviewStatus !== "pending" && (
              <button
                type="button"
                className="rounded border border-gray-300 px-2 py-0.5"
                onClick={() => onReview("pending", null)}
              >
                Reset
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
