"use client";

import { useState } from "react";
import { allowedTransitions, STATUS_LABELS } from "@/lib/articles/article-status";
import { changeStatus } from "@/lib/client/articles";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import { StatusBadge } from "../status-badge";
import type { Workspace } from "./use-workspace";

/** The article's review state and the moves the signed-in person may make from it. */
export function StatusControls({
  article,
  role,
  workspace,
}: {
  article: WorkspaceArticle;
  role: Role;
  workspace: Workspace;
}) {
  const [comment, setComment] = useState("");
  const transitions = allowedTransitions(article.status, role);
  const move = (to: WorkspaceArticle["status"]) =>
    workspace
      .save(
        () =>
          changeStatus(article.id, {
            status: to,
            version: article.version,
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          }),
        `Article is now ${STATUS_LABELS[to]}`,
      )
      .then(() => setComment(""));
  return (
    <div role="group" className="flex flex-wrap items-center gap-2 text-sm" aria-label="Article status">
      <StatusBadge status={article.status} />
      {transitions.some((t) => t.commentRecommended) && (
        <label className="flex items-center gap-1">
          Comment
          <input
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            dir="auto"
            className="rounded border border-gray-300 px-2 py-0.5"
          />
        </label>
      )}
      {transitions.map((t) => (
        <button
          key={t.to}
          type="button"
          onClick={() => move(t.to)}
          className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50"
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
