/**
 * "According to X, …" and "…, according to X": the preposition cue, before or after its content. When
 * X is data or a report published by someone ("data published by the statistics office"), the publisher
 * is the source.
 */
import { backwardClaim, classifyContent, type RawClaim, type SentenceContext } from "./build-claims";
import { contentEnd, trimSpan } from "./find-content";
import type { Cue } from "./find-cues";
import type { MentionRange } from "./find-source-mention";
import { DOCUMENT_NOUNS } from "./source-lexicon";

export function buildAccordingClaim(ctx: SentenceContext, cue: Cue): RawClaim | null {
  const { tokens } = ctx;
  const k = cue.last + 1;
  let npEnd = k;
  while (npEnd < ctx.to && tokens[npEnd].text !== "," && (tokens[npEnd].isWord || /^['’%]$/.test(tokens[npEnd].text)))
    npEnd++;
  if (npEnd === k) return null;
  let mention: MentionRange = { first: k, last: npEnd - 1, appositive: null };
  // "data published by the statistics office on Monday": the publisher is the source.
  if (DOCUMENT_NOUNS.has(tokens[k].lower) || DOCUMENT_NOUNS.has(tokens[k + 1]?.lower ?? "")) {
    const by = tokens.slice(k, npEnd).findIndex((t) => t.lower === "by" || t.lower === "from");
    if (by > 0) {
      let e = k + by + 1;
      while (e < npEnd && !/^(on|in|at|last|this|during|for)$/.test(tokens[e].lower)) e++;
      if (e > k + by + 1) mention = { first: k + by + 1, last: e - 1, appositive: null };
    }
  }
  const leading = cue.first === ctx.first;
  if (leading) {
    if (npEnd >= ctx.to) return null;
    let c = npEnd + 1;
    if (/^(which|who|whose)$/.test(tokens[c]?.lower ?? "")) {
      while (c < ctx.to && tokens[c].text !== ",") c++;
      c++;
    }
    if (c >= ctx.to) return null;
    const end = contentEnd(tokens, c, ctx.to, ctx.end);
    const { content, mode } = classifyContent(ctx, trimSpan(ctx.text, { start: tokens[c].start, end }));
    return { mention, cue, content, mode, shape: "forward", confidence: 0.8 };
  }
  return backwardClaim(ctx, cue.first - 1, mention, cue);
}
