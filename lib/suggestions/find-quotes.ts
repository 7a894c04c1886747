/**
 * Quotation spans. Curly marks say which way they face; straight marks are paired in order within a
 * paragraph, and a closing mark may be glued to the next word (`Rafah,"he said`). A quote left open
 * at the end of a paragraph closes there, as news style does for quotes running over paragraphs;
 * such a quote is marked `runsOn` so the next paragraph's quote can continue the same speaker.
 * Single curly marks (British style, ‘…’) are found separately because ’ is also the apostrophe.
 */
import { findSingleQuotes } from "./find-single-quotes";
import type { Span } from "./types";

export interface Quote {
  /** Offsets of the marks themselves: open is the opening mark, close the closing mark (or paragraph end). */
  open: number;
  close: number;
  /** The quoted text, without the marks. */
  inner: Span;
  words: number;
  /** Closed by the end of its paragraph rather than by a mark: the quotation continues below. */
  runsOn?: boolean;
}

const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);
const WORD_RE = /[\p{L}\p{N}]+/gu;
const MARK_RE = /["“”„«»\n]/g;

function countWords(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

function findDoubleQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  const closeAt = (close: number, end: number, runsOn = false) => {
    if (openAt >= 0 && close > openAt + 1) {
      const inner = { start: openAt + 1, end };
      const q: Quote = { open: openAt, close, inner, words: countWords(text.slice(inner.start, inner.end)) };
      if (runsOn) q.runsOn = true;
      quotes.push(q);
    }
    openAt = -1;
  };
  MARK_RE.lastIndex = 0;
  for (let m = MARK_RE.exec(text); m; m = MARK_RE.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (c === "\n") {
      if (openAt >= 0 && text[i + 1] === "\n") closeAt(i, i, true);
      continue;
    }
    if (OPENERS.has(c)) openAt = i;
    else if (CLOSERS.has(c)) closeAt(i, i);
    else if (c === '"') {
      // Direction of a straight mark: it opens at a word start, otherwise it closes an open quote.
      const prev = i > 0 ? text[i - 1] : " ";
      const opensHere = openAt < 0 && (/[\s([—–-]/.test(prev) || i === 0);
      if (opensHere) openAt = i;
      else if (openAt >= 0) closeAt(i, i);
      else openAt = i;
    }
  }
  if (openAt >= 0) closeAt(text.length, text.length, true);
  return quotes;
}

/** All top-level quotations in text order; a quote nested inside another (‘He said “no”’) is dropped. */
export function findQuotes(text: string): Quote[] {
  const doubles = findDoubleQuotes(text);
  const singles = text.includes("‘") ? findSingleQuotes(text) : [];
  if (singles.length === 0) return doubles;
  const all = [...doubles, ...singles].sort((a, b) => a.open - b.open || b.close - a.close);
  const out: Quote[] = [];
  for (const q of all) {
    const outer = out.at(-1);
    if (outer && q.open > outer.open && q.close <= outer.close) continue;
    out.push(q);
  }
  return out;
}

/**
 * Per-offset mask: 1 inside a quotation's marks, 2 inside one of at least `minWords` words. Built once
 * per text so "is this token quoted?" is O(1) instead of a scan over all quotes.
 */
export function maskQuotes(length: number, quotes: Quote[], minWords = 4): Uint8Array {
  const mask = new Uint8Array(length + 1);
  for (const q of quotes) mask.fill(q.words >= minWords ? 2 : 1, q.open + 1, q.close);
  return mask;
}
