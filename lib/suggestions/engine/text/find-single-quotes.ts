/**
 * Single quotation marks, curly (‘…’, British style) and straight ('…'). The closing mark is also the
 * apostrophe (didn’t, club’s, players’), so a mark closes only when it is not inside a word, and one
 * right after a plural "s" before a lower-case word ("the players’ union") counts as a possessive unless
 * nothing else closes the quote in its paragraph. A straight mark opens only at a word start, and never
 * for the elisions 'em, 'til, '90s. A quote still open at the paragraph end runs on, like double quotes.
 */
import { makeQuote, type Quote } from "./find-quotes";

const LETTER = /[\p{L}\p{N}]/u;
const MARKS_RE = /[‘’']|\n[ \t\r]*\n/g;
const ELISION_RE = /^(?:\d{2}s?\b|em\b|til\b|cause\b|n\b|tis\b|twas\b|round\b)/i;
const OPEN_CONTEXT_RE = /[\s([{—–"“]/;

/** How surely a ’ or ' at `i` closes a quote: 2 surely, 1 maybe (a possessive-looking plural), 0 never. */
function closingStrength(text: string, i: number): number {
  const prev = text[i - 1] ?? " ";
  const next = text[i + 1] ?? " ";
  if (LETTER.test(prev) && LETTER.test(next)) return 0; // didn’t, club’s
  if (/\s/.test(prev)) return 0; // a mark after a space opens (or is stray), it does not close
  if (!LETTER.test(prev)) return 2; // after punctuation: ‘…,’ / ‘….’
  if ((prev === "s" || prev === "z") && next === " " && /\p{Ll}/u.test(text[i + 2] ?? "")) return 1; // players’ union
  return 2;
}

function opensAt(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : " ";
  const next = text[i + 1] ?? " ";
  if (!OPEN_CONTEXT_RE.test(prev) || !(LETTER.test(next) || /[…."“$]/.test(next))) return false;
  return !ELISION_RE.test(text.slice(i + 1, i + 7));
}

export function findSingleQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  let maybeClose = -1;
  const finish = (close: number, closeLength: number) => {
    // A straight ' never closed in its paragraph was an apostrophe after all, not a quote running on.
    const stray = closeLength === 0 && text[openAt] === "'";
    if (close > openAt + 1 && !stray) quotes.push(makeQuote(text, openAt, 1, close, closeLength));
    openAt = -1;
    maybeClose = -1;
  };
  MARKS_RE.lastIndex = 0;
  for (let m = MARKS_RE.exec(text); m; m = MARKS_RE.exec(text)) {
    const i = m.index;
    const mark = m[0];
    if (mark.startsWith("\n")) {
      // A possessive-looking mark was the only candidate: it closed the quote after all.
      if (openAt >= 0) maybeClose >= 0 ? finish(maybeClose, 1) : finish(i, 0);
      continue;
    }
    // A doubled '' is a double quotation mark, handled with the double quotes.
    if (mark === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue;
    if (openAt < 0) {
      if (mark === "‘" ? !ELISION_RE.test(text.slice(i + 1, i + 7)) : opensAt(text, i)) openAt = i;
      continue;
    }
    if (mark === "‘") continue;
    const strength = closingStrength(text, i);
    if (strength === 2) finish(i, 1);
    else if (strength === 1 && maybeClose < 0) maybeClose = i;
  }
  if (openAt >= 0) maybeClose >= 0 ? finish(maybeClose, 1) : finish(text.length, 0);
  return quotes;
}
