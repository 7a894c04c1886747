import { type Span, splitsSurrogatePair } from "@/lib/spans/check-span";

/** How much context either side identifies a quote when its exact text occurs more than once. */
export const CONTEXT_CHARS = 32;

/** A W3C Web Annotation TextQuoteSelector of `span` in `body`. */
export function quoteSelector(body: string, span: Span) {
  // The context widens by one unit rather than start or end inside an emoji: stored text must be
  // well-formed (the driver turns a lone surrogate into U+FFFD, and JSON in PostgreSQL refuses it).
  let from = Math.max(0, span.start - CONTEXT_CHARS);
  if (splitsSurrogatePair(body, from)) from--;
  let to = Math.min(body.length, span.end + CONTEXT_CHARS);
  if (splitsSurrogatePair(body, to)) to++;
  return {
    text: body.slice(span.start, span.end),
    prefix: body.slice(from, span.start),
    suffix: body.slice(span.end, to),
  };
}
