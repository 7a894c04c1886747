"use client";

import { useEffect, useRef, useState } from "react";
import type { KeyedSuggestion } from "./use-suggestions";

/**
 * Which suggestion has focus in the panel. When it goes away (accepted, rejected, folded into a
 * claim) the one that took its place gets focus, so Enter keeps accepting; when none are left,
 * `onEmpty` puts focus back on the text.
 */
export function useSuggestionFocus(open: KeyedSuggestion[], onEmpty: () => void) {
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const empty = useRef(onEmpty);
  empty.current = onEmpty;

  useEffect(() => {
    const index = open.findIndex((s) => s.key === focusedKey);
    if (index >= 0 || focusedKey === null) {
      lastIndex.current = Math.max(0, index);
      return;
    }
    const next = open[Math.min(lastIndex.current, open.length - 1)];
    setFocusedKey(next?.key ?? null);
    if (!next) empty.current();
  }, [open, focusedKey]);

  return { focusedKey, setFocusedKey };
}
