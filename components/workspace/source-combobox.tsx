"use client";

import { forwardRef, useEffect, useId, useState } from "react";
import { callApi } from "@/lib/client/api";
import type { WorkspaceSource } from "@/lib/workspace/types";
import { SourceTypeBadge } from "../source-type-badge";

interface SourceComboboxProps {
  label: string;
  articleId: string;
  onPick: (source: WorkspaceSource) => void;
  onCreate: (name: string) => void;
  initialQuery?: string;
  placeholder?: string;
}

type Option =
  | { kind: "source"; source: WorkspaceSource & { usedInArticle?: boolean | null } }
  | { kind: "create"; name: string };

/**
 * Searches all sources (this article's first); the last option creates a new one from the typed
 * text. ARIA 1.2 combobox: arrows move, Enter picks, Escape clears.
 */
export const SourceCombobox = forwardRef<HTMLInputElement, SourceComboboxProps>(function SourceCombobox(props, ref) {
  const { label, articleId, onPick, onCreate, initialQuery = "", placeholder } = props;
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [sources, setSources] = useState<Option[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ articleId, limit: "12", ...(query.trim() ? { q: query.trim() } : {}) });
      try {
        const { items } = await callApi<{ items: (WorkspaceSource & { usedInArticle: boolean | null })[] }>(
          "GET",
          `/api/sources?${params}`,
        );
        if (!controller.signal.aborted) {
          setSources(items.map((source) => ({ kind: "source", source })));
          setActive(0);
        }
      } catch {
        /* the list just stays as it was; typing again retries */
      }
    }, 120);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, open, articleId]);

  const options: Option[] = [...sources, ...(query.trim() ? [{ kind: "create" as const, name: query.trim() }] : [])];
  const choose = (option: Option | undefined) => {
    if (!option) return;
    setOpen(false);
    if (option.kind === "source") {
      onPick(option.source);
      setQuery("");
    } else onCreate(option.name);
  };

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        ref={ref}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder ?? "Search or type a new source"}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === "Escape") {
            e.stopPropagation();
            setQuery("");
            setOpen(false);
          }
        }}
        className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5"
      />
      {open && options.length > 0 && (
        <div
          id={`${id}-list`}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-gray-300 bg-white shadow-lg"
        >
          {options.map((option, i) => (
            <div
              key={option.kind === "source" ? option.source.id : "create"}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
              className={`flex cursor-pointer items-center gap-2 px-2 py-1.5 text-sm ${i === active ? "bg-blue-50" : ""}`}
            >
              {option.kind === "source" ? (
                <>
                  <SourceTypeBadge type={option.source.type} />
                  <span dir="auto">{option.source.name}</span>
                  {option.source.usedInArticle && <span className="ml-auto text-xs text-muted">in this article</span>}
                </>
              ) : (
                <span>
                  Create new source “<span dir="auto">{option.name}</span>”…
                </span>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
