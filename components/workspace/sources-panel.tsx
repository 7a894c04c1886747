"use client";

import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";
import type { WorkspaceClaim, WorkspaceSource } from "@/lib/workspace/types";
import { SourceTypeBadge } from "../source-type-badge";
import { describeSource } from "./attribution-editor";
import { AnonymityWarning } from "./new-source-form";

interface Props {
  claims: WorkspaceClaim[];
  highlightSourceId: string | null;
  onHighlight: (sourceId: string | null) => void;
  onOpenClaim: (claim: WorkspaceClaim) => void;
}

/** The article's sources (including "via" sources) and the claims each supports. */
export function SourcesPanel({ claims, highlightSourceId, onHighlight, onOpenClaim }: Props) {
  const sources = new Map<string, { source: WorkspaceSource; claims: WorkspaceClaim[]; via: WorkspaceClaim[] }>();
  const entry = (s: WorkspaceSource) =>
    sources.get(s.id) ?? sources.set(s.id, { source: s, claims: [], via: [] }).get(s.id)!;
  for (const claim of claims) {
    for (const a of claim.attributions) {
      entry(a.source).claims.push(claim);
      if (a.via) entry(a.via).via.push(claim);
    }
  }
  if (!sources.size) return <p className="text-sm text-muted">No sources tagged in this article yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Sources in this article">
      {[...sources.values()].map(({ source, claims: supported, via }) => (
        <li
          key={source.id}
          className={`rounded border p-2 ${highlightSourceId === source.id ? "border-accent bg-blue-50" : "border-gray-200"}`}
        >
          <button
            type="button"
            aria-pressed={highlightSourceId === source.id}
            onClick={() => onHighlight(highlightSourceId === source.id ? null : source.id)}
            className="flex w-full items-center gap-2 text-left"
          >
            <SourceTypeBadge type={source.type} />{" "}
            <span dir="auto" className="font-medium">
              {source.name}
            </span>
            <span className="ml-auto text-xs text-muted">
              {supported.length} claim{supported.length === 1 ? "" : "s"}
              {via.length ? `, via for ${via.length}` : ""}
            </span>
          </button>
          {describeSource(source) && (
            <p className="mt-1 text-xs text-muted" dir="auto">
              {describeSource(source)}
            </p>
          )}
          {ANONYMOUS_SOURCE_TYPES.includes(source.type) &&
            (source.anonymityReason ? (
              <p className="text-xs">Anonymity: {source.anonymityReason}</p>
            ) : (
              <AnonymityWarning />
            ))}
          <ul className="mt-1 space-y-1">
            {[...new Set(supported)].map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => onOpenClaim(c)}
                  className="line-clamp-2 text-left text-xs underline decoration-gray-300"
                  dir="auto"
                >
                  {c.text}
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
