"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callApi } from "@/lib/client/api";

interface Props {
  articleId: string;
  approved: boolean;
  publicId: string | null;
  origin: string;
  snippet: string | null;
  canIssue: boolean;
  canRevoke: boolean;
}

/** The reader-facing transparency card, as its editors see it: links, embed code, take down, reissue. */
export function TransparencyPanel({ articleId, approved, publicId, origin, snippet, canIssue, canRevoke }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(method: "POST" | "DELETE") {
    setBusy(true);
    try {
      await callApi(method, `/api/articles/${articleId}/transparency`);
      setMessage(
        method === "DELETE" ? "The card is down; its link answers 404 for good." : "A new card link was issued.",
      );
      router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Something went wrong");
    } finally {
      setBusy(false);
    }
  }

  const live = approved && publicId;
  return (
    <section aria-labelledby="transparency" className="space-y-2 rounded border border-gray-200 p-4 print:hidden">
      <h2 id="transparency" className="font-semibold">
        Transparency card for readers
      </h2>
      {!approved && (
        <p className="text-sm text-muted">
          Readers see a card only while the article is approved{publicId ? "; until then its link answers 404" : ""}.
        </p>
      )}
      {live && snippet && (
        <>
          <p className="text-sm">
            Public page:{" "}
            <a href={`/t/${publicId}`} className="underline">
              {origin}/t/{publicId}
            </a>{" "}
            ·{" "}
            <a href={`/api/transparency/${publicId}`} className="underline">
              JSON for the CMS
            </a>
          </p>
          <label className="block text-sm font-medium">
            Embed code
            <textarea
              readOnly
              value={snippet}
              rows={3}
              className="mt-1 w-full rounded border border-gray-300 px-2 py-1 font-mono text-xs"
            />
          </label>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded border border-gray-300 px-3 py-1 text-sm"
              onClick={() => void navigator.clipboard?.writeText(snippet).then(() => setMessage("Embed code copied."))}
            >
              Copy embed code
            </button>
            {canRevoke && (
              <button
                type="button"
                disabled={busy}
                className="rounded border border-red-300 px-3 py-1 text-sm text-red-800"
                onClick={() => void act("DELETE")}
              >
                Take the card down
              </button>
            )}
          </div>
        </>
      )}
      {approved && !publicId && (
        <p className="text-sm">
          This article has no card.{" "}
          {canIssue ? (
            <button
              type="button"
              disabled={busy}
              className="rounded border border-gray-300 px-3 py-1 text-sm"
              onClick={() => void act("POST")}
            >
              Issue a card
            </button>
          ) : (
            "A reviewer can issue one."
          )}
        </p>
      )}
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </section>
  );
}
