/**
 * Single curly quotation marks, as British papers use them: ‘Danny is the heart of this team,’ she said.
 * The opening mark ‘ is unambiguous; the closing mark ’ is also the apostrophe (didn’t, club’s,
 * players’), so a ’ closes only when it is not inside a word, and a ’ right after a plural "s" before
 * a lower-case word ("the players’ union") is taken as a possessive unless nothing else closes the
 * quote in its paragraph. A quote still open at the paragraph end runs on, like double quotes.
 */
import type { Quote } from "./find-quotes";

const LETTER = /[\p{L}\p{N}]/u;
const MARKS_RE = /[‘’]|\n\n/g;
const countWords = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function make(text: string, open: number, close: number, runsOn: boolean): Quote {
  const inner = { start: open + 1, end: close };
  const q: Quote = { open, close, inner, words: countWords(text.slice(inner.start, inner.end)) };
  if (runsOn) q.runsOn = true;
  return q;
}

/** How surely a ’ at `i` closes a quote: 2 surely, 1 maybe (a possessive-looking plural), 0 never. */
function closingStrength(text: string, i: number): number {
  const prev = text[i - 1] ?? " ";
  const next = text[i + 1] ?? " ";
  if (LETTER.test(prev) && LETTER.test(next)) return 0; // didn’t, club’s
  if (!LETTER.test(prev)) return 2; // after punctuation: ‘…,’ / ‘….’
  if (prev === "s" && next === " " && /\p{Ll}/u.test(text[i + 2] ?? "")) return 1; // the players’ union
  return 2;
}

export function findSingleQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  let maybeClose = -1;
  const finish = (close: number, runsOn: boolean) => {
    if (close > openAt + 1) quotes.push(make(text, openAt, close, runsOn));
    openAt = -1;
    maybeClose = -1;
  };
  MARKS_RE.lastIndex = 0;
  for (let m = MARKS_RE.exec(text); m; m = MARKS_RE.exec(text)) {
    const i = m.index;
    if (m[0] === "\n\n") {
      // A possessive-looking ’ was the only candidate: it closed the quote after all.
      if (openAt >= 0) maybeClose >= 0 ? finish(maybeClose, false) : finish(i, true);
      continue;
    }
    if (m[0] === "‘") {
      // ‘90s, ‘em: an apostrophe typed the wrong way round, not a quotation.
      if (/^\d{2}s?\b|^em\b|^til\b|^cause\b/.test(text.slice(i + 1, i + 6))) continue;
      if (openAt < 0) openAt = i;
      continue;
    }
    if (openAt < 0) continue;
    const strength = closingStrength(text, i);
    if (strength === 2) finish(i, false);
    else if (strength === 1 && maybeClose < 0) maybeClose = i;
  }
  if (openAt >= 0) maybeClose >= 0 ? finish(maybeClose, false) : finish(text.length, true);
  return quotes;
}
