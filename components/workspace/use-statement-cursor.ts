"use client";

import { useCallback, useRef, useState } from "react";
import type { WorkspaceStatement } from "@/lib/workspace/types";

/** The statement the keyboard is on (a roving tab stop over the text) and a way to put focus back on it. */
export function useStatementCursor(statements: WorkspaceStatement[]) {
  const [focused, setFocused] = useState(() =>
    Math.max(
      0,
      statements.findIndex((s) => s.kind === "sentence"),
    ),
  );
  const refs = useRef<(HTMLElement | null)[]>([]);
  // The latest index for callbacks created before the last move (timers, awaited saves).
  const current = useRef(focused);
  current.current = focused;

  /** Moves the cursor and focus; `center` scrolls the statement to the middle of the screen (deep links). */
  const focusStatement = useCallback(
    (index: number, options?: { center?: boolean }) => {
      const clamped = Math.max(0, Math.min(index, statements.length - 1));
      current.current = clamped;
      setFocused(clamped);
      const element = refs.current[clamped];
      element?.focus({ preventScroll: options?.center });
      if (options?.center) element?.scrollIntoView({ block: "center" });
    },
    [statements.length],
  );

  /** Focus back on the current statement, where the shortcuts work, without scrolling the page. */
  const focusText = useCallback(() => refs.current[current.current]?.focus({ preventScroll: true }), []);

  return { focused, setFocused, refs, focusStatement, focusText };
}
export type StatementCursor = ReturnType<typeof useStatementCursor>;
