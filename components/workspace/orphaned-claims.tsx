"use client";

import type { WorkspaceClaim } from "@/lib/workspace/types";

/** Claims whose text was edited away: kept for a person to review, listed under the text. */
export function OrphanedClaims({ claims, onOpen }: { claims: WorkspaceClaim[]; onOpen: (c: WorkspaceClaim) => void }) {
  const orphaned = claims.filter((c) => c.orphaned);
  if (!orphaned.length) return null;
  return (
    <section aria-label="Orphaned claims" className="rounded border border-red-200 bg-red-50 p-3 text-sm">
      <h2 className="font-medium text-red-900">Orphaned claims (their text was edited away)</h2>
      <ul className="mt-1 list-disc pl-5">
        {orphaned.map((c) => (
          <li key={c.id}>
            <button type="button" className="text-left underline" dir="auto" onClick={() => onOpen(c)}>
              {c.text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
