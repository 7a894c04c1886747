/**
 * Quotation spans. Curly marks say which way they face; straight marks are paired in order within a
 * paragraph, and a closing mark may be glued to the next word (`Rafah,"he said`). A quote left open
 * at the end of a paragraph closes there, as news style does for quotes running over paragraphs.
 */
import type { Span } from "./types";

export interface Quote {
  /** Offsets of the marks themselves: open is the opening mark, close the closing mark (or paragraph end). */
  open: number;
  close: number;
  /** The quoted text, without the marks. */
  inner: Span;
  words: number;
}

const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);
const WORD_RE = /[\p{L}\p{N}]+/gu;
const MARK_RE = /["“”„«»\n]/g;

function countWords(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  const closeAt = (close: number, end: number) => {
    if (openAt >= 0 && close > openAt + 1) {
      const inner = { start: openAt + 1, end };
      quotes.push({ open: openAt, close, inner, words: countWords(text.slice(inner.start, inner.end)) });
    }
    openAt = -1;
  };
  MARK_RE.lastIndex = 0;
  for (let m = MARK_RE.exec(text); m; m = MARK_RE.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (c === "\n") {
      if (openAt >= 0 && text[i + 1] === "\n") closeAt(i, i);
      continue;
    }
    if (OPENERS.has(c)) openAt = i;
    else if (CLOSERS.has(c)) closeAt(i, i);
    else if (c === '"') {
      // Direction of a straight mark: it opens at a word start, otherwise it closes an open quote.
      const prev = i > 0 ? text[i - 1] : " ";
      const opensHere = openAt < 0 && (/[\s(\[—–-]/.test(prev) || i === 0);
      if (opensHere) openAt = i;
      else if (openAt >= 0) closeAt(i, i);
      else openAt = i;
    }
  }
  if (openAt >= 0) closeAt(text.length, text.length);
  return quotes;
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
