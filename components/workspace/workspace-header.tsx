"use client";

import type { ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { plural } from "@/lib/text/plural";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import { Legend } from "./legend";
import { ReviewFeedback } from "./review-feedback";
import { StatusControls } from "./status-controls";
import type { Workspace } from "./use-workspace";

interface Props {
  article: WorkspaceArticle;
  role: Role;
  workspace: Workspace;
  sentences: number;
  /** Links and buttons for the row under the status (report, shortcuts, edit text). */
  actions: ReactNode;
}

/** Title, review status, counts and the page's actions. */
export function WorkspaceHeader({ article, role, workspace, sentences, actions }: Props) {
  const headings = article.statements.length - sentences;
  return (
    <header className="space-y-2">
      <h1 className="text-3xl font-semibold" dir="auto">
        {article.title}
      </h1>
      <StatusControls article={article} role={role} workspace={workspace} />
      <ReviewFeedback article={article} />
      <div className="flex flex-wrap items-center gap-4 text-sm text-muted">
        <span>
          {plural(sentences, "sentence")} · {plural(headings, "heading")} · {plural(article.claims.length, "claim")}
        </span>
        {actions}
        {/* Fixed, so showing it never reflows the text under the editor's pointer. */}
        <span role="status" className="fixed right-4 top-3 z-40 rounded bg-white/90 px-2 text-xs">
          {workspace.saving ? "Saving…" : ""}
        </span>
      </div>
      <Legend />
    </header>
  );
}
