import { type Span, splitsSurrogatePair } from "@/lib/spans/check-span";
import { mapEnd, mapProportional, mapStart, type TextEdit } from "./reanchor-diff";
import { spend, unlimited, type WorkBudget } from "./work-budget";

/**
 * Fuzzy re-anchoring, for a quote whose exact text is gone but whose words mostly remain (a copy
 * edit: "1.3 million" → "1.4 million"). Like diff-match-patch's match_main, it looks only near
 * where the edit put the old span, allows a bounded number of character edits, and prefers the
 * closest candidate; unlike a search of the whole text, it can never wander to a similar passage
 * elsewhere.
 */

/** At most this share of the quote's characters may differ (insertions, deletions, substitutions). */
export const MAX_EDIT_SHARE = 0.25;

/** Shorter quotes must match exactly: one letter of "said" is a different word. */
export const MIN_FUZZY_LENGTH = 8;

/** How far around the mapped span the search looks, beyond the allowed edits. */
const WINDOW_SLACK = 32;

/** Cap on the dynamic-programming cells one search may fill (a 2,000-character claim in its window). */
const MAX_CELLS = 10_000_000;

/** The number of character edits allowed for a quote of this length (0: exact only). */
export function allowedEdits(length: number): number {
  return length < MIN_FUZZY_LENGTH ? 0 : Math.floor(length * MAX_EDIT_SHARE);
}

/**
 * Levenshtein distance of `a` and `b`, or null when it exceeds `max` (or the budget cannot pay for
 * it). Only a diagonal band is filled (Ukkonen), and the band starts narrow and doubles up to
 * 2·max+1, so the cost is O(d · length) for an actual distance d: one changed digit in a
 * paragraph-long quote costs a few passes over it, not a quarter of its length squared.
 */
export function boundedDistance(a: string, b: string, max: number, budget: WorkBudget = unlimited()): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  for (let band = Math.min(max, Math.max(1, Math.abs(a.length - b.length))); ; band = Math.min(max, band * 2)) {
    if (!spend(budget, (2 * band + 1) * (a.length + 1))) return null;
    const distance = bandedDistance(a, b, band);
    if (distance !== null || band >= max) return distance;
  }
}

function bandedDistance(a: string, b: string, max: number): number | null {
  const n = a.length;
  const m = b.length;
  const big = max + 1;
  let previous = new Int32Array(m + 1).fill(big);
  let current = new Int32Array(m + 1).fill(big);
  for (let j = 0; j <= Math.min(m, max); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    // Only the band and its two edges are ever read: clear those, not the whole row.
    current.fill(big, Math.max(0, from - 1), Math.min(m, to + 1) + 1);
    current[0] = i <= max ? i : big;
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1);
      current[j] = Math.min(value, big);
      if (current[j] < best) best = current[j];
    }
    if (best > max) return null;
    [previous, current] = [current, previous];
  }
  return previous[m] <= max ? previous[m] : null;
}

/**
 * The substring of `text` closest to `pattern` (Sellers' approximate search: the match may start
 * and end anywhere), with its distance, or null when every substring is more than `max` edits
 * away. Ties go to the match whose end is nearest `preferEnd`.
 */
export function approximateSearch(
  pattern: string,
  text: string,
  max: number,
  preferEnd: number,
  budget: WorkBudget = unlimited(),
): { start: number; end: number; distance: number } | null {
  const m = pattern.length;
  const n = text.length;
  if (!m || (m + 1) * (n + 1) > MAX_CELLS || !spend(budget, (m + 1) * (n + 1))) return null;
  // cost[j]: distance of pattern[0, i) to the best substring of text ending at j; origin[j] where
  // it starts. Two rows of each: the answer needs only the last row, so memory is O(n), not O(m·n).
  let cost = new Int32Array(n + 1);
  let origin = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let nextCost = new Int32Array(n + 1);
  let nextOrigin = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    nextCost[0] = i;
    nextOrigin[0] = 0;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = cost[j - 1] + (code === text.charCodeAt(j - 1) ? 0 : 1);
      const skipPattern = cost[j] + 1;
      const skipText = nextCost[j - 1] + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[j] = substitute;
        nextOrigin[j] = origin[j - 1];
      } else if (skipPattern <= skipText) {
        nextCost[j] = skipPattern;
        nextOrigin[j] = origin[j];
      } else {
        nextCost[j] = skipText;
        nextOrigin[j] = nextOrigin[j - 1];
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let best: { start: number; end: number; distance: number } | null = null;
  for (let j = 0; j <= n; j++) {
    const distance = cost[j];
    if (distance > max) continue;
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance && Math.abs(j - preferEnd) < Math.abs(best.end - preferEnd));
    if (better) best = { start: origin[j], end: j, distance };
  }
  return best && best.end > best.start ? best : null;
}

/** And this share of the quote's words must still stand, in order: a changed digit keeps its sentence, a changed word in a short phrase does not. */
export const MIN_WORDS_KEPT = 0.75;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Moves the edges off whitespace, out to whole words, and never between the halves of an emoji. */
function tidy(body: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/u.test(body[start])) start++;
  while (end > start && /\s/u.test(body[end - 1])) end--;
  while (start > 0 && WORD_CHAR.test(body[start - 1]) && WORD_CHAR.test(body[start])) start--;
  while (end < body.length && WORD_CHAR.test(body[end - 1]) && WORD_CHAR.test(body[end])) end++;
  if (splitsSurrogatePair(body, start)) start--;
  if (splitsSurrogatePair(body, end)) end++;
  return end > start ? { start, end } : null;
}

/** The share of `before`'s words that `after` keeps in order (longest common subsequence of words). */
export function wordsKept(before: string, after: string, budget: WorkBudget = unlimited()): number {
  if (!spend(budget, before.length + after.length)) return 0;
  const a = before.match(WORD) ?? [];
  const b = after.match(WORD) ?? [];
  if (!a.length) return after.trim() === before.trim() ? 1 : 0;
  if (a.length * b.length > 1_000_000 || !spend(budget, a.length * b.length)) return 0;
  let row = new Int32Array(b.length + 1);
  for (const word of a) {
    const next = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) next[j] = word === b[j - 1] ? row[j - 1] + 1 : Math.max(row[j], next[j - 1]);
    row = next;
  }
  return row[b.length] / a.length;
}

/** Nearly the same words: most words kept (cheap, capped) and few character edits. */
function isCopyEdit(oldText: string, newText: string, max: number, budget: WorkBudget): boolean {
  if (Math.abs(oldText.length - newText.length) > max) return false;
  return (
    wordsKept(oldText, newText, budget) >= MIN_WORDS_KEPT && boundedDistance(oldText, newText, max, budget) !== null
  );
}

/**
 * Where a span whose exact text is gone now lies, if its words are still essentially there: first
 * the old span mapped through the edit, else the closest approximate match in a window around it.
 * Null when more than `allowedEdits` characters differ.
 */
export function fuzzyReanchor(
  edit: TextEdit,
  newBody: string,
  oldText: string,
  old: Span,
  budget: WorkBudget = unlimited(),
): Span | null {
  const max = allowedEdits(oldText.length);
  if (max === 0) return null;
  const start = mapStart(edit, old.start);
  const end = mapEnd(edit, old.end);
  const accept = (span: Span | null) =>
    span && isCopyEdit(oldText, newBody.slice(span.start, span.end), max, budget) ? span : null;
  const mapped = end > start ? accept(tidy(newBody, { start, end })) : null;
  if (mapped) return mapped;
  // A mapping far wider than the quote means the diff replaced a long stretch as a whole: look
  // where the quote stands in proportion within it instead (the window stays the quote's size).
  const lost = Math.abs(end - start) > oldText.length + 2 * max;
  const near = lost ? { start: mapProportional(edit, old.start), end: mapProportional(edit, old.end) } : { start, end };
  const from = Math.max(0, Math.min(near.start, near.end) - max - WINDOW_SLACK);
  const to = Math.min(newBody.length, Math.max(near.start, near.end) + max + WINDOW_SLACK);
  const preferEnd = Math.max(near.start, near.end) - from;
  const found = approximateSearch(oldText, newBody.slice(from, to), max, preferEnd, budget);
  return found ? accept(tidy(newBody, { start: from + found.start, end: from + found.end })) : null;
}
