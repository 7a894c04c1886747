"use client";

import { useEffect, useState } from "react";
import { describeEvent } from "@/lib/audit/describe-event";
import { describeError } from "@/lib/client/api";
import { getHistory, type HistoryEvent } from "@/lib/client/articles";
import { formatDayTime } from "@/lib/text/format-date";

/** The article's audit trail: who changed what, when, with the values before and after. */
export function HistoryPanel({ articleId, revision }: { articleId: string; revision: number }) {
  const [items, setItems] = useState<HistoryEvent[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(after: string | null) {
    try {
      const page = await getHistory(articleId, { limit: 30, cursor: after });
      setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(describeError(e));
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on a new article or revision, not on every render
  useEffect(() => {
    void load(null);
    // `revision` changes with every saved change: reload so the newest event shows.
  }, [articleId, revision]);

  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error}
      </p>
    );
  if (!items) return <p className="text-sm text-muted">Loading history…</p>;
  if (!items.length) return <p className="text-sm text-muted">No changes recorded yet.</p>;
  return (
    <div className="space-y-2">
      <ol className="space-y-2 text-sm" aria-label="History">
        {items.map((e) => (
          <li key={e.id} className="rounded border border-gray-200 p-2">
            <p dir="auto">
              <strong>{e.actor?.name ?? "System"}</strong> {describeEvent(e)}{" "}
              <time dateTime={e.createdAt} className="whitespace-nowrap text-muted">
                {formatDayTime(e.createdAt)}
              </time>
            </p>
            <details>
              <summary className="cursor-pointer text-xs text-muted">Before / after</summary>
              <div className="mt-1 grid gap-1 text-xs">
                {e.before != null && (
                  <pre className="overflow-auto whitespace-pre-wrap rounded bg-red-50 p-1" dir="auto">
                    {JSON.stringify(e.before, null, 1)}
                  </pre>
                )}
                {e.after != null && (
                  <pre className="overflow-auto whitespace-pre-wrap rounded bg-green-50 p-1" dir="auto">
                    {JSON.stringify(e.after, null, 1)}
                  </pre>
                )}
              </div>
            </details>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" className="text-sm underline" onClick={() => load(cursor)}>
          Older changes
        </button>
      )}
    </div>
  );
}
