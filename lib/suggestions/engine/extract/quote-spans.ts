/**
 * Quotations as content: the quotation a content opens, a quotation with the paragraphs that continue
 * it, the quotations inside a span, and the mode (direct, partial, paraphrase) they give a content.
 */
import type { Analysis } from "../analysis";
import type { Quote } from "../text/find-quotes";
import type { AttributionMode, Span } from "../types";

/** The quotation a content starting at token `k` opens, if any. */
export const quoteOpenedAt = (a: Analysis, k: number): Quote | null => (a.opens[k] >= 0 ? a.quotes[a.opens[k]] : null);

/**
 * A quotation with the ones that continue it in the following paragraphs: each left open at its
 * paragraph end (runsOn) and followed by a paragraph that opens with a quotation mark.
 */
export function quoteChainForward(a: Analysis, qi: number): { start: number; end: number; last: number } {
  let q = a.quotes[qi];
  const start = q.inner.start;
  let last = qi;
  while (q.runsOn && last + 1 < a.quotes.length) {
    const next = a.quotes[last + 1];
    if (!/^\s*$/.test(a.text.slice(q.close, next.open))) break;
    last++;
    q = next;
  }
  return { start, end: q.inner.end, last };
}

/** The same chain read backwards from its last quotation. */
export function quoteChainBackward(a: Analysis, qi: number): { start: number; first: number } {
  let first = qi;
  while (first > 0) {
    const prev = a.quotes[first - 1];
    if (!prev.runsOn || !/^\s*$/.test(a.text.slice(prev.close, a.quotes[first].open))) break;
    first--;
  }
  return { start: a.quotes[first].inner.start, first };
}

const quoteIsSpeech = (a: Analysis, q: Quote) =>
  q.words >= 2 || /^\p{Ll}/u.test(a.text.slice(q.inner.start, q.inner.end));

/** Direct quote when every part is exactly a quotation; partial when a quoted fragment is inside. */
export function classifyMode(a: Analysis, parts: Span[]): AttributionMode {
  const isQuote = (p: Span) => {
    const q = a.quotes[quoteIndexAtInner(a, p.start)];
    return !!q && q.inner.end >= p.end - 1 && q.inner.end <= p.end + 1;
  };
  if (parts.every(isQuote) || (parts.length === 1 && isQuoteChain(a, parts[0]))) return "direct_quote";
  const inside = (p: Span) =>
    quotesIn(a, p.start, p.end).some((q) => q.open >= p.start - 1 && q.inner.end <= p.end + 2 && quoteIsSpeech(a, q));
  return parts.some(inside) ? "partial_quote" : "paraphrase";
}

function isQuoteChain(a: Analysis, p: Span): boolean {
  const qi = quoteIndexAtInner(a, p.start);
  if (qi < 0) return false;
  return quoteChainForward(a, qi).end === p.end;
}

/** Binary search: the quotation whose inner text starts at `offset`, or -1. */
export function quoteIndexAtInner(a: Analysis, offset: number): number {
  let lo = 0;
  let hi = a.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.quotes[mid].inner.start;
    if (s === offset) return mid;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Quotations opening inside [start, end), by binary search. */
export function quotesIn(a: Analysis, start: number, end: number): Quote[] {
  let lo = 0;
  let hi = a.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.quotes[mid].open < start - 1) lo = mid + 1;
    else hi = mid;
  }
  const out: Quote[] = [];
  for (let i = lo; i < a.quotes.length && a.quotes[i].open < end; i++) out.push(a.quotes[i]);
  return out;
}
