"use client";

import { type KeyboardEvent, type ReactNode, useRef } from "react";

export const TABS = ["claim", "suggestions", "sources", "coverage", "history"] as const;
export type Tab = (typeof TABS)[number];

interface Props {
  tab: Tab;
  onChange: (tab: Tab) => void;
  /** Each tab's name as shown, e.g. "Suggestions (4)". */
  labels: Record<Tab, string>;
  children: ReactNode;
}

/**
 * The side panel's tabs (ARIA tabs pattern): ← → and Home/End move between tabs and open them,
 * one tab stop for the whole row.
 */
export function WorkspaceTabs({ tab, onChange, labels, children }: Props) {
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(tab);
    const next =
      event.key === "ArrowRight"
        ? TABS[(index + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <>
      <div
        role="tablist"
        aria-label="Panels"
        className="flex flex-wrap gap-x-1 border-b border-gray-200 text-sm"
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              if (el) buttons.current.set(t, el);
              else buttons.current.delete(t);
            }}
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="panel"
            tabIndex={tab === t ? 0 : -1}
            type="button"
            onClick={() => onChange(t)}
            className={`px-3 py-1.5 ${tab === t ? "border-b-2 border-accent font-medium" : "text-muted"}`}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {children}
      </div>
    </>
  );
}
