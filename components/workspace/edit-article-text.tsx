"use client";

import { useState } from "react";
import { callApi } from "@/lib/client/api";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import type { Workspace } from "./use-workspace";

interface PatchResult {
  reanchor: { claims: { outcome: string; orphaned: boolean }[] } | null;
}

/** Summarises what re-anchoring did, so an editor knows which claims need a look. */
function describeReanchor(result: PatchResult): string {
  const claims = result.reanchor?.claims ?? [];
  const orphaned = claims.filter((c) => c.orphaned).length;
  const moved = claims.filter((c) => ["moved", "found", "reattached"].includes(c.outcome)).length;
  return `Text saved. ${moved} claim${moved === 1 ? "" : "s"} re-anchored${orphaned ? `, ${orphaned} orphaned (listed under the text for review)` : ""}.`;
}

/** Edits the title, byline, desk and text; tagged claims follow their quoted words or are flagged orphaned. */
export function EditArticleText({
  article,
  workspace,
  onDone,
}: {
  article: WorkspaceArticle;
  workspace: Workspace;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(article.title);
  const [body, setBody] = useState(article.body);
  const [author, setAuthor] = useState(article.author ?? "");
  const [desk, setDesk] = useState(article.desk ?? "");
  const metadata = { author: [author, article.author ?? ""], desk: [desk, article.desk ?? ""] } as const;
  const unchanged =
    title === article.title && body === article.body && Object.values(metadata).every(([now, was]) => now === was);

  async function submit() {
    const changes = {
      ...(title !== article.title ? { title } : {}),
      ...(body !== article.body ? { body } : {}),
      ...Object.fromEntries(Object.entries(metadata).flatMap(([key, [now, was]]) => (now === was ? [] : [[key, now]]))),
    };
    const result = await workspace.save(() =>
      callApi<PatchResult>("PATCH", `/api/articles/${article.id}`, { version: article.version, ...changes }),
    );
    if (result) {
      workspace.announce(describeReanchor(result));
      onDone();
    }
  }

  return (
    <form
      aria-label="Edit article text"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="block text-sm font-medium">
        Title
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          dir="auto"
          className="mt-1 w-full rounded border border-gray-300 px-2 py-1"
        />
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Author
          <input
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
            dir="auto"
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1"
          />
        </label>
        <label className="block text-sm font-medium">
          Desk
          <input
            value={desk}
            onChange={(e) => setDesk(e.target.value)}
            dir="auto"
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1"
          />
        </label>
      </div>
      <label className="block text-sm font-medium">
        Text
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={18}
          dir="auto"
          className="mt-1 w-full rounded border border-gray-300 px-2 py-1 font-serif"
        />
      </label>
      <p className="text-xs text-muted">
        Tagged claims are re-anchored by their quoted words; a claim whose words are gone is kept and flagged orphaned,
        never moved to other words.
      </p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={unchanged || !body.trim()}
          className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Save text
        </button>
        <button type="button" onClick={onDone} className="rounded border border-gray-300 px-3 py-1.5 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}
