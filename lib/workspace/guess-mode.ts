import type { AttributionMode } from "@/lib/generated/prisma/enums";
import type { Span } from "@/lib/spans/check-span";

const QUOTE = /["“”«»„]/u;

/**
 * The likely mode of a claim from its quotation marks: wrapped in quotes → direct quote; holding
 * a quoted fragment → partial quote; else paraphrase. A default the editor can change with one key.
 */
export function guessMode(body: string, claim: Span): AttributionMode {
  const text = body.slice(claim.start, claim.end);
  const wrappedOutside = QUOTE.test(body[claim.start - 1] ?? "") && QUOTE.test(body[claim.end] ?? "");
  const wrappedInside =
    QUOTE.test(text[0] ?? "") && QUOTE.test(text[text.length - 1] ?? "") && !QUOTE.test(text.slice(1, -1));
  if (wrappedOutside || wrappedInside) return "direct_quote";
  if ((text.match(/["“”«»„]/gu) ?? []).length >= 2) return "partial_quote";
  return "paraphrase";
}
