/**
 * Quotation spans in every house style: “curly”, "straight", ''doubled apostrophes'', ``TeX'',
 * «guillemets», „German“, and single marks (‘…’ and '…'), found in one pass each over the text.
 * Curly marks say which way they face; straight ones open at a word start and close otherwise. A quote
 * still open at the end of its paragraph closes there and is marked `runsOn`: news style leaves a quote
 * open when the next paragraph continues it, and opens that paragraph with a quote mark again.
 * Single quotes nested inside double ones (or the other way round) are dropped: only the outer quote
 * is someone's words reported by the article.
 */
import { findSingleQuotes } from "./find-single-quotes";

export interface Quote {
  /** Offset of the opening mark and of the closing mark (or of the paragraph end when it runs on). */
  open: number;
  close: number;
  /** The quoted text without the marks. */
  inner: { start: number; end: number };
  /** Length of the closing mark (0 when the quote runs on). */
  closeLength: number;
  words: number;
  /** Closed by its paragraph end, not by a mark: the next paragraph may continue it. */
  runsOn: boolean;
}

const MARK_RE = /''|``|["“”„«»‹›]|\n[ \t\r]*\n/g;
const OPENS = new Set(["“", "„", "«", "‹", "``"]);
const CLOSES = new Set(["”", "»", "›"]);
const WORD_RE = /[\p{L}\p{N}]+/gu;
const OPEN_CONTEXT_RE = /[\s([{—–\-/]/;

export const countWords = (s: string) => s.match(WORD_RE)?.length ?? 0;

export function makeQuote(text: string, open: number, openLength: number, close: number, closeLength: number): Quote {
  let end = close;
  while (end > open + openLength && /\s/.test(text[end - 1])) end--; // a quote running on ends at its last word
  const inner = { start: open + openLength, end };
  return {
    open,
    close,
    inner,
    closeLength,
    words: countWords(text.slice(inner.start, inner.end)),
    runsOn: closeLength === 0,
  };
}

function findDoubleQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  let openMark = "";
  const finish = (close: number, closeLength: number) => {
    if (openAt >= 0 && close > openAt + openMark.length) {
      quotes.push(makeQuote(text, openAt, openMark.length, close, closeLength));
    }
    openAt = -1;
    openMark = "";
  };
  MARK_RE.lastIndex = 0;
  for (let m = MARK_RE.exec(text); m; m = MARK_RE.exec(text)) {
    const i = m.index;
    const mark = m[0];
    if (mark.startsWith("\n")) {
      if (openAt >= 0) finish(i, 0);
      continue;
    }
    const prev = i > 0 ? text[i - 1] : " ";
    if (OPENS.has(mark) && !(mark === "“" && openMark === "„")) {
      openAt = i; // an opener while one is open: the earlier one was never closed
      openMark = mark;
    } else if (CLOSES.has(mark) || mark === "“") {
      if (openAt >= 0) finish(i, mark.length);
    } else if (openAt < 0) {
      openAt = i;
      openMark = mark;
    } else if (OPEN_CONTEXT_RE.test(prev) && !/[\s,.;:!?]/.test(text[i + mark.length] ?? " ")) {
      // `"…  "Next` — a straight mark at a word start while one is open: the first was never closed.
      openAt = i;
      openMark = mark;
    } else finish(i, mark.length);
  }
  if (openAt >= 0) finish(text.length, 0);
  return quotes;
}

/** All top-level quotations in text order. */
export function findQuotes(text: string): Quote[] {
  const doubles = findDoubleQuotes(text);
  const singles = /[‘']/.test(text) ? findSingleQuotes(text) : [];
  if (singles.length === 0) return doubles;
  const all = [...doubles, ...singles].sort((a, b) => a.open - b.open || b.close - a.close);
  const out: Quote[] = [];
  for (const q of all) {
    const outer = out.at(-1);
    if (outer && q.open > outer.open && q.open < outer.close + outer.closeLength) continue;
    out.push(q);
  }
  return out;
}
