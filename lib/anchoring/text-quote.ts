import type { Span } from "@/lib/spans/check-span";

/** How much context either side identifies a quote when its exact text occurs more than once. */
export const CONTEXT_CHARS = 32;

/** A W3C Web Annotation TextQuoteSelector of `span` in `body`. */
export function quoteSelector(body: string, span: Span) {
  return {
    text: body.slice(span.start, span.end),
    prefix: body.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
    suffix: body.slice(span.end, span.end + CONTEXT_CHARS),
  };
}
