import { splitsSurrogatePair } from "@/lib/spans/check-span";
import { CONTEXT_CHARS } from "./text-quote";
import { spend, unlimited, type WorkBudget } from "./work-budget";

/** A W3C text-quote selector: the exact text and a little context either side. */
export interface TextQuote {
  text: string;
  prefix: string;
  suffix: string;
}

/**
 * An occurrence found away from where the edit mapped the span is accepted only when at least
 * this share of the stored context still surrounds it, so "he said" is never re-attached to
 * another "he said" in a different sentence.
 */
export const MIN_CONTEXT_SHARE = 0.5;

/** A quote this long that occurs exactly once is the same words even if its surroundings were rewritten. */
export const DISTINCTIVE_LENGTH = 40;

/** Cap on occurrences examined, so a one-letter quote in a huge text stays cheap. */
const MAX_OCCURRENCES = 20_000;

/** What one scan of the body is charged per character (indexOf compares far fewer than all of them). */
const SCAN_SKIP = 16;

export interface QuoteMatch {
  start: number;
  end: number;
  contextShare: number;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Share (0–1) of the stored prefix and suffix that still surrounds `start` in `body`. */
export function contextShare(body: string, quote: TextQuote, start: number): number {
  const available = quote.prefix.length + quote.suffix.length;
  if (available === 0) return 1;
  const end = start + quote.text.length;
  const before = body.slice(Math.max(0, start - quote.prefix.length), start);
  const after = body.slice(end, end + quote.suffix.length);
  return (commonSuffixLength(quote.prefix, before) + commonPrefixLength(quote.suffix, after)) / available;
}

/** Every start offset where `text` occurs in `body` (overlapping ones too), never inside an emoji. */
export function findOccurrences(body: string, text: string, budget: WorkBudget = unlimited()): number[] {
  const out: number[] = [];
  // A scan skips ahead by up to the text's length; each occurrence is compared whole and its context read.
  const perOccurrence = text.length + 2 * CONTEXT_CHARS;
  if (!text || !spend(budget, Math.ceil(body.length / SCAN_SKIP))) return out;
  for (
    let i = body.indexOf(text);
    i >= 0 && out.length < MAX_OCCURRENCES && spend(budget, perOccurrence);
    i = body.indexOf(text, i + 1)
  ) {
    if (!splitsSurrogatePair(body, i) && !splitsSurrogatePair(body, i + text.length)) out.push(i);
  }
  return out;
}

/**
 * The occurrence of the quote's exact text whose context best matches, nearest `hint` on a tie;
 * null when the text is gone or no occurrence is convincingly the same passage. `eligible`
 * filters candidates (the re-anchorer excludes text the edit left untouched elsewhere).
 */
export function searchQuote(
  body: string,
  quote: TextQuote,
  hint: number,
  eligible: (start: number, end: number) => boolean = () => true,
  budget: WorkBudget = unlimited(),
): QuoteMatch | null {
  const starts = findOccurrences(body, quote.text, budget).filter((start) =>
    eligible(start, start + quote.text.length),
  );
  let best: QuoteMatch | null = null;
  let bestDistance = Infinity;
  for (const start of starts) {
    const share = contextShare(body, quote, start);
    const distance = Math.abs(start - hint);
    if (!best || share > best.contextShare || (share === best.contextShare && distance < bestDistance)) {
      best = { start, end: start + quote.text.length, contextShare: share };
      bestDistance = distance;
    }
  }
  if (!best) return null;
  const distinctive = starts.length === 1 && quote.text.trim().length >= DISTINCTIVE_LENGTH;
  return best.contextShare >= MIN_CONTEXT_SHARE || distinctive ? best : null;
}
