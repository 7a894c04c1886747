import { quoteSelector } from "@/lib/anchoring/text-quote";
import { type Span, spanProblem, splitsSurrogatePair } from "@/lib/spans/check-span";
import { isUnchangedText, mapEnd, mapStart, type TextEdit } from "./reanchor-diff";
import { fuzzyReanchor } from "./reanchor-fuzzy";
import { searchQuote, type TextQuote } from "./reanchor-search";
import { unlimited, type WorkBudget } from "./work-budget";

/**
 * kept: same offsets; moved: the edit shifted it and the exact text is at the shifted place;
 * found: the exact text was located elsewhere by its context; adjusted: the exact text is gone but
 * nearly the same words stand where it was (a copy edit), and the span now covers them; lost: the
 * words are gone.
 */
export type SpanOutcome = "kept" | "moved" | "found" | "adjusted" | "lost";

export interface SpanResult {
  outcome: SpanOutcome;
  span: Span | null;
}

/**
 * W3C text-quote re-anchoring of one span: map its old position through the edit and accept it
 * when the exact text is there; otherwise take the occurrence whose context matches best
 * (nearest the mapped position on a tie); otherwise, where it was, nearly the same words (at most
 * a quarter of the characters edited: reanchor-fuzzy.ts).
 */
export function reanchorSpan(
  edit: TextEdit,
  newBody: string,
  quote: TextQuote,
  old: Span,
  budget: WorkBudget = unlimited(),
): SpanResult {
  const start = mapStart(edit, old.start);
  const end = mapEnd(edit, old.end);
  if (end - start === quote.text.length && quote.text.length > 0 && newBody.slice(start, end) === quote.text) {
    const same = start === old.start && end === old.end;
    return { outcome: same ? "kept" : "moved", span: { start, end } };
  }
  const match = searchElsewhere(edit, newBody, quote, start, budget);
  if (match) return { outcome: "found", span: { start: match.start, end: match.end } };
  const near = fuzzyReanchor(edit, newBody, quote.text, old, budget);
  return near ? { outcome: "adjusted", span: near } : { outcome: "lost", span: null };
}

/**
 * Search for text the edit moved or retyped. An occurrence inside unchanged text is another
 * passage that was there all along (had it been this span's own, the mapping would have found
 * it), so a deleted "he said" never lands on the next "he said".
 */
export function searchElsewhere(
  edit: TextEdit,
  newBody: string,
  quote: TextQuote,
  hint: number,
  budget: WorkBudget = unlimited(),
) {
  return searchQuote(newBody, quote, hint, (start, end) => !isUnchangedText(edit, start, end), budget);
}

/** The quote of a span of the old body, or null when the stored span is not valid there. */
export function quoteOf(oldBody: string, span: Span): TextQuote | null {
  return spanProblem(oldBody, span) ? null : quoteSelector(oldBody, span);
}

/**
 * Where a lost span is parked so its offsets stay valid: the old span mapped through the edit
 * (over whatever replaced it), clamped to the new body, at least one character, never cutting an
 * emoji. `orphaned: true` tells people it no longer holds its text.
 */
export function placeholderSpan(edit: TextEdit, newBody: string, old: Span): Span {
  const length = newBody.length;
  let start = Math.min(Math.max(0, mapStart(edit, Math.min(old.start, edit.oldLength))), length);
  let end = Math.min(Math.max(start, mapEnd(edit, Math.min(Math.max(old.end, 0), edit.oldLength))), length);
  if (start === end) {
    if (end < length) end = start + 1;
    else start = Math.max(0, end - 1);
  }
  if (splitsSurrogatePair(newBody, start)) start--;
  if (splitsSurrogatePair(newBody, end)) end++;
  return { start, end };
}

/** Parts of a split quote re-anchored one by one, each after the previous; null if any is lost. */
export function reanchorParts(
  edit: TextEdit,
  oldBody: string,
  newBody: string,
  parts: Span[],
  budget: WorkBudget = unlimited(),
): { spans: Span[]; searched: boolean; adjusted: boolean } | null {
  const spans: Span[] = [];
  let searched = false;
  let adjusted = false;
  for (const part of parts) {
    const quote = quoteOf(oldBody, part);
    if (!quote) return null;
    const result = reanchorSpan(edit, newBody, quote, part, budget);
    if (!result.span || (spans.length > 0 && result.span.start < spans[spans.length - 1].end)) return null;
    searched ||= result.outcome === "found";
    adjusted ||= result.outcome === "adjusted";
    spans.push(result.span);
  }
  return { spans, searched, adjusted };
}
