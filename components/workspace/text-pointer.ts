"use client";

import type { MouseEvent } from "react";
import type { Span } from "@/lib/spans/check-span";
import { balanceQuotes, wordAt } from "@/lib/text/words";
import { offsetAtPoint, offsetOfDomPoint } from "./tagged-text";

export type PointerAction =
  | { kind: "mark"; span: Span }
  | { kind: "select"; span: Span }
  | { kind: "claim"; id: string }
  | { kind: "suggestion"; key: string };

/** A mouse selection trimmed to whole words (a drag rarely lands exactly on word edges). */
export function trimToWords(body: string, span: Span): Span | null {
  const first = wordAt(body, span.start, { start: span.start, end: span.end });
  if (!first) return null;
  const text = body.slice(span.start, span.end);
  const trailing = text.length - text.replace(/[\s.,;:!?]+$/u, "").length;
  return balanceQuotes(body, { start: first.start, end: Math.max(first.end, span.end - trailing) });
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
  const start = offsetOfDomPoint(range.startContainer, range.startOffset);
  const end = offsetOfDomPoint(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (marking) {
    if (!selection.isCollapsed && !event.shiftKey) {
      const dragged = trimToWords(body, { start, end });
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
    const span = trimToWords(body, { start, end });
    return span ? { kind: "select", span } : null;
  }
  const run = (event.target as HTMLElement).closest<HTMLElement>("[data-start]");
  const claimIds = run?.dataset.claims?.split(" ");
  if (claimIds?.length) return { kind: "claim", id: claimIds[claimIds.length - 1] };
  if (run?.dataset.suggestions) return { kind: "suggestion", key: run.dataset.suggestions.split(" ")[0] };
  return null;
}
