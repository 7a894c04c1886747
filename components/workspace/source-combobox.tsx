"use client";

import { forwardRef, useCallback, useEffect, useId, useRef, useState } from "react";
import { type ListedSource, listSources } from "@/lib/client/sources";
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import { formatDay } from "@/lib/text/format-date";
import { SourceTypeBadge } from "../source-type-badge";

interface SourceComboboxProps {
  label: string;
  articleId: string;
  onPick: (source: ListedSource) => void;
  onCreate: (name: string) => void;
  initialQuery?: string;
  placeholder?: string;
}

type Option = { kind: "source"; source: ListedSource } | { kind: "create"; name: string };

/** What tells one anonymous "senior officials" from another: the article it was last used in, and when. */
function sourceContext(source: ListedSource): string | null {
  if (source.usedInArticle) return "in this article";
  if (!source.anonymous || !source.lastUsedIn) return null;
  return `in “${source.lastUsedIn.title}”, ${formatDay(source.lastUsedIn.date)}`;
}

/**
 * The source named exactly as typed (normalised), else, unless `exactOnly`, the first whose name
 * starts so. Anonymous sources count only when already in this article: "two officials" of
 * another story are other people.
 */
function bestMatch(items: ListedSource[], typed: string, exactOnly = false): ListedSource | undefined {
  const wanted = normalizeSourceName(typed);
  if (!wanted) return undefined;
  const candidates = items.filter((s) => !s.anonymous || s.usedInArticle);
  return (
    candidates.find((s) => normalizeSourceName(s.name) === wanted) ??
    (exactOnly ? undefined : candidates.find((s) => normalizeSourceName(s.name).startsWith(wanted)))
  );
}

/**
 * Searches all sources (ranked by the server: exact and prefix name matches, this article's
 * sources, the rest); the last option creates a new one from the typed text. ARIA 1.2 combobox:
 * arrows move, Enter picks, Escape clears. Enter only ever acts on the results for what is typed
 * now: pressed before they arrive, it picks an exact match already listed or waits for them.
 */
export const SourceCombobox = forwardRef<HTMLInputElement, SourceComboboxProps>(function SourceCombobox(props, ref) {
  const { label, articleId, onPick, onCreate, initialQuery = "", placeholder } = props;
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<{ query: string; items: ListedSource[] } | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const typed = query.trim();

  useEffect(() => {
    if (!open && !waiting) return;
    let live = true;
    // Debounced while typing; at once when Enter is waiting for these results.
    const timer = setTimeout(
      async () => {
        try {
          const { items } = await listSources({ articleId, limit: 12, q: typed || undefined });
          if (live) {
            setResults({ query: typed, items });
            setActive(0);
          }
        } catch {
          /* the list just stays as it was; typing again retries */
        }
      },
      waiting ? 0 : 120,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed, open, waiting, articleId]);

  const fresh = results?.query === typed;
  const options: Option[] = [
    ...(results?.items ?? []).map((source) => ({ kind: "source" as const, source })),
    ...(typed ? [{ kind: "create" as const, name: typed }] : []),
  ];

  const choose = useCallback(
    (option: Option | undefined) => {
      if (!option) return;
      setOpen(false);
      setWaiting(false);
      if (option.kind === "source") {
        onPick(option.source);
        setQuery("");
      } else onCreate(option.name);
    },
    [onPick, onCreate],
  );

  // The results Enter was waiting for, unseen by the editor: only a source named as typed (or
  // starting so) is safe to take; otherwise "Create new", a form the editor still confirms.
  useEffect(() => {
    if (!waiting || !fresh) return;
    const best = bestMatch(results.items, typed);
    if (best) choose({ kind: "source", source: best });
    else if (typed) choose({ kind: "create", name: typed });
    else setWaiting(false);
  });

  function enter() {
    if (fresh) return choose(options[active]);
    const exact = results && bestMatch(results.items, typed, true);
    if (typed && exact) return choose({ kind: "source", source: exact });
    setWaiting(true);
  }

  useEffect(() => {
    list.current?.querySelector(`#${CSS.escape(`${id}-opt-${active}`)}`)?.scrollIntoView({ block: "nearest" });
  }, [active, id]);

  return (
    <div>
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
        aria-activedescendant={open && fresh && options[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder ?? "Search or type a new source"}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setWaiting(false);
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
            enter();
          } else if (e.key === "Escape") {
            e.stopPropagation();
            setQuery("");
            setOpen(false);
            setWaiting(false);
          }
        }}
        className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5"
      />
      {/* In the flow, not floating: a sticky, scrolling side panel would clip a floating list. */}
      {open && options.length > 0 && (
        <div
          ref={list}
          id={`${id}-list`}
          role="listbox"
          aria-label={label}
          aria-busy={!fresh}
          className={`mt-1 max-h-80 overflow-auto rounded border border-gray-300 bg-white shadow ${fresh ? "" : "opacity-60"}`}
        >
          {!fresh && (
            <p className="px-2 py-1 text-xs text-muted" role="status">
              Searching…
            </p>
          )}
          {options.map((option, i) => (
            <div
              key={option.kind === "source" ? option.source.id : "create"}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={fresh && i === active}
              onMouseDown={(e) => {
                // A click picks what the editor sees, fresh or not; only a blind Enter waits.
                e.preventDefault();
                choose(option);
              }}
              className={`flex cursor-pointer flex-wrap items-center gap-x-2 px-2 py-1.5 text-sm ${fresh && i === active ? "bg-blue-50" : ""}`}
            >
              {option.kind === "source" ? (
                <>
                  <SourceTypeBadge type={option.source.type} /> <span dir="auto">{option.source.name}</span>{" "}
                  {sourceContext(option.source) && (
                    <span className="ml-auto text-xs text-muted" dir="auto">
                      {sourceContext(option.source)}
                    </span>
                  )}
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
