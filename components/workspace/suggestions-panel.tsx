"use client";

import { useEffect, useRef } from "react";
import { MODE_LABELS } from "@/lib/reports/labels";
import { plural } from "@/lib/text/plural";
import { SourceTypeBadge } from "../source-type-badge";
import type { KeyedSuggestion } from "./use-suggestions";

interface Props {
  body: string;
  suggestions: KeyedSuggestion[];
  /** "No suggestions for Arabic yet" when the engine cannot read the article's language. */
  unsupported: string | null;
  focusedKey: string | null;
  canWrite: boolean;
  onFocus: (s: KeyedSuggestion) => void;
  onAccept: (s: KeyedSuggestion) => void;
  onReject: (s: KeyedSuggestion) => void;
  onEdit: (s: KeyedSuggestion) => void;
}

/**
 * Proposed attributions, one key each: Enter accepts the focused one, Backspace rejects it,
 * e accepts and opens it for editing; arrows move between them.
 */
export function SuggestionsPanel({
  body,
  suggestions,
  unsupported,
  focusedKey,
  canWrite,
  onFocus,
  onAccept,
  onReject,
  onEdit,
}: Props) {
  const items = useRef(new Map<string, HTMLLIElement>());
  useEffect(() => {
    if (focusedKey) items.current.get(focusedKey)?.focus();
  }, [focusedKey]);

  if (unsupported) return <p className="text-sm text-muted">{unsupported}.</p>;
  if (!suggestions.length)
    return (
      <p className="text-sm text-muted">
        No open suggestions: everything proposed was accepted, rejected or already tagged.
      </p>
    );
  const move = (index: number) => {
    const next = suggestions[Math.max(0, Math.min(index, suggestions.length - 1))];
    if (next) onFocus(next);
  };

  return (
    <ul aria-label="Suggestions" className="space-y-2">
      {suggestions.map((s, i) => (
        <li
          key={s.key}
          ref={(el) => {
            if (el) items.current.set(s.key, el);
            else items.current.delete(s.key);
          }}
          tabIndex={s.key === focusedKey || (!focusedKey && i === 0) ? 0 : -1}
          aria-label={`Suggestion: ${s.source.name}, ${MODE_LABELS[s.mode].toLowerCase()}`}
          onFocus={() => onFocus(s)}
          onKeyDown={(e) => {
            if (!canWrite && (e.key === "Enter" || e.key === "Backspace")) return;
            if (e.key === "Enter") {
              e.preventDefault();
              onAccept(s);
            } else if (e.key === "Backspace" || e.key === "Delete") {
              e.preventDefault();
              onReject(s);
            } else if (e.key === "e") {
              e.preventDefault();
              onEdit(s);
            } else if (e.key === "ArrowDown" || e.key === "j") {
              e.preventDefault();
              move(i + 1);
            } else if (e.key === "ArrowUp" || e.key === "k") {
              e.preventDefault();
              move(i - 1);
            }
          }}
          className={`space-y-1 rounded border p-2 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30 ${s.key === focusedKey ? "border-accent" : "border-gray-200"}`}
        >
          <p className="flex items-center gap-2">
            <SourceTypeBadge type={s.source.type} />{" "}
            <span dir="auto" className="font-medium">
              {s.source.name}
            </span>
            {s.source.existingSourceId && <span className="text-xs text-muted">existing source</span>}
            <span className="ml-auto text-xs text-muted">{Math.round(s.confidence * 100)}%</span>
          </p>
          <p dir="auto" className="line-clamp-3 font-serif">
            “{body.slice(s.content.start, s.content.end)}”
          </p>
          <p className="text-xs text-muted">
            {MODE_LABELS[s.mode].toLowerCase()}
            {s.cue ? ` · cue “${body.slice(s.cue.start, s.cue.end)}”` : ""}
            {s.via ? ` · via ${s.via.name}` : ""}
            {s.source.count ? ` · ${plural(s.source.count, "person", "people")}` : ""}
            {s.source.anonymityReason ? ` · ${s.source.anonymityReason}` : ""}
          </p>
          {canWrite && (
            <div className="flex gap-2 pt-1">
              <button
                type="button"
                tabIndex={-1}
                onClick={() => onAccept(s)}
                className="rounded bg-accent px-2 py-0.5 text-xs font-medium text-white"
              >
                Accept <kbd>Enter</kbd>
              </button>
              <button
                type="button"
                tabIndex={-1}
                onClick={() => onEdit(s)}
                className="rounded border border-gray-300 px-2 py-0.5 text-xs"
              >
                Accept &amp; edit <kbd>e</kbd>
              </button>
              <button
                type="button"
                tabIndex={-1}
                onClick={() => onReject(s)}
                className="rounded border border-gray-300 px-2 py-0.5 text-xs"
              >
                Reject <kbd>⌫</kbd>
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
