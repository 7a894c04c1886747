"use client";

import { useEffect } from "react";

/** Shown when a page fails to render; the error itself is logged on the server. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted">
        The page could not be shown. Nothing you saved is lost.{" "}
        {error.digest && (
          <>
            Reference: <code>{error.digest}</code>
          </>
        )}
      </p>
      <button type="button" onClick={reset} className="rounded border border-gray-300 px-3 py-1">
        Try again
      </button>
    </div>
  );
}
