import { invalid } from "@/lib/errors";

export interface Span {
  start: number;
  end: number;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when offset `i` falls between the two halves of one emoji or other astral character. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Why `span` is not a valid span of `text`, or null when it is. */
export function spanProblem(text: string, span: Span): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "Offsets must be integers";
  if (start < 0) return "start must be 0 or more";
  if (start >= end) return "start must be less than end";
  if (end > text.length) return `end must be at most the article length (${text.length})`;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end))
    return "A span must not cut a character (surrogate pair) in half";
  return null;
}

/** Throws a 400 naming the field when the span does not lie inside the text. */
export function assertSpan(text: string, span: Span, path: (string | number)[]): void {
  const problem = spanProblem(text, span);
  if (problem) throw invalid(path, problem);
}

/** Parts of a split quote: each valid, in order, not overlapping, and together spanning the claim. */
export function assertParts(text: string, claim: Span, parts: Span[]): void {
  parts.forEach((part, i) => {
    assertSpan(text, part, ["parts", i]);
    if (i > 0 && part.start < parts[i - 1].end)
      throw invalid(["parts", i], "Parts must be in text order and must not overlap");
  });
  if (parts[0].start !== claim.start || parts[parts.length - 1].end !== claim.end) {
    throw invalid(["parts"], "The first part must start at the claim's start and the last must end at its end");
  }
}
