"use client";

import { useState } from "react";
import { updateArticle } from "@/lib/client/articles";
import { plural } from "@/lib/text/plural";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import type { Workspace } from "./use-workspace";

type PatchResult = Awaited<ReturnType<typeof updateArticle>>;

/** Summarises what re-anchoring did, so an editor knows which claims need a look. */
export function describeReanchor(result: PatchResult): string {
  const claims = result.reanchor?.claims ?? [];
  const orphaned = claims.filter((c) => c.orphaned).length;
  const moved = claims.filter((c) => ["moved", "found", "reattached"].includes(c.outcome)).length;
  const adjusted = claims.filter((c) => c.outcome === "adjusted");
  const parts = [`${plural(moved, "claim")} re-anchored`];
  if (adjusted.length)
    parts.push(
      `${plural(adjusted.length, "claim")} adjusted to the edit: ${adjusted.map((c) => `now “${c.text}”`).join("; ")}`,
    );
  if (orphaned) parts.push(`${orphaned} orphaned (listed under the text for review)`);
  return `Text saved. ${parts.join(", ")}.`;
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
  const changes = {
    ...(title !== article.title ? { title } : {}),
    ...(body !== article.body ? { body } : {}),
    ...(author !== (article.author ?? "") ? { author } : {}),
    ...(desk !== (article.desk ?? "") ? { desk } : {}),
  };
  const unchanged = Object.keys(changes).length === 0;

  async function submit() {
    const result = await workspace.save(() => updateArticle(article.id, { version: article.version, ...changes }));
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
