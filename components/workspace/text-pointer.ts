"use client";

import type { MouseEvent } from "react";
import type { Span } from "@/lib/spans/check-span";
import { snapToWords, wordAt } from "@/lib/text/words";

export type PointerAction =
  | { kind: "mark"; span: Span }
  | { kind: "select"; span: Span }
  | { kind: "claim"; id: string }
  | { kind: "suggestion"; key: string };

/**
 * The body offset of a DOM position inside the tagged text. Text runs carry `data-start` (their
 * offset in the body); a position outside any run (the space between two sentences, a review
 * marker) takes the nearest run's edge in the direction given: a drag's start looks forward, its
 * end backward, so a drag starting between sentences starts at the next word.
 */
export function offsetOfDomPoint(node: Node | null, offset: number, bias: "forward" | "backward" = "forward") {
  if (!node) return null;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>("[data-start]");
  if (run)
    return (
      Number(run.dataset.start) +
      (node.nodeType === Node.TEXT_NODE ? offset : offset > 0 ? (run.textContent ?? "").length : 0)
    );
  const root = element?.closest("[data-tagged-text]");
  if (!root) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  const runs = [...root.querySelectorAll<HTMLElement>("[data-start]")];
  if (bias === "forward") {
    const next = runs.find((r) => point.comparePoint(r, 0) >= 0);
    return next ? Number(next.dataset.start) : null;
  }
  const previous = runs.findLast((r) => point.comparePoint(r, r.childNodes.length) <= 0);
  return previous ? Number(previous.dataset.start) + (previous.textContent ?? "").length : null;
}

/** The body offset under a screen point (where a click landed), or null outside the text. */
export function offsetAtPoint(x: number, y: number): number | null {
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetOfDomPoint(range.startContainer, range.startOffset) : null;
}

/**
 * What a mouse-up over the article text means. While marking (`marking` is the current mark's
 * span and the statement it lies in): a drag marks what it covers, a click marks the word under
 * the pointer and Shift+click extends the mark to it (the browser's own shift-selection starts
 * wherever its caret was: ignored). Otherwise a drag selects a new claim and a click opens the
 * claim or suggestion under the pointer.
 */
export function readPointer(
  event: MouseEvent<HTMLElement>,
  body: string,
  marking: { span: Span; within: Span } | null,
): PointerAction | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOfDomPoint(range.startContainer, range.startOffset, "forward");
  const end = offsetOfDomPoint(range.endContainer, range.endOffset, "backward");
  if (start === null || end === null) return null;
  if (marking) {
    if (!selection.isCollapsed && !event.shiftKey) {
      const dragged = snapToWords(body, { start, end });
      return dragged ? { kind: "mark", span: dragged } : null;
    }
    const clicked = wordAt(body, offsetAtPoint(event.clientX, event.clientY) ?? start, marking.within);
    if (!clicked) return null;
    const span = event.shiftKey
      ? { start: Math.min(marking.span.start, clicked.start), end: Math.max(marking.span.end, clicked.end) }
      : clicked;
    return { kind: "mark", span };
  }
  if (!selection.isCollapsed && end > start) {
    const span = snapToWords(body, { start, end });
    return span ? { kind: "select", span } : null;
  }
  const run = (event.target as HTMLElement).closest<HTMLElement>("[data-start]");
  const claimIds = run?.dataset.claims?.split(" ");
  if (claimIds?.length) return { kind: "claim", id: claimIds[claimIds.length - 1] };
  if (run?.dataset.suggestions) return { kind: "suggestion", key: run.dataset.suggestions.split(" ")[0] };
  return null;
}
