/**
 * Turns the cues of one sentence into raw claims: finds each cue's source mention and content and
 * decides the mode. Pure token/offset work; naming and resolving the source happens later.
 */

import {
  contentEnd,
  findForwardStart,
  findQuoteAfter,
  findQuoteBefore,
  looksLikeClause,
  trimSpan,
} from "./find-content";
import type { Cue } from "./find-cues";
import type { Quote } from "./find-quotes";
import {
  findClauseSubject,
  findMentionAfter,
  findMentionBefore,
  findRelativeAntecedent,
  type MentionRange,
} from "./find-source-mention";
import { findRecipientVia, type ViaMarker } from "./find-via";
import { findTokenIndex, type Token } from "./tokenize-text";
import type { AttributionMode, Span } from "./types";

export interface RawClaim {
  mention: MentionRange | null;
  cue: Cue | null;
  content: Span;
  parts?: Span[];
  mode: AttributionMode;
  /** "forward": content after the cue; "backward": before it; "quote": a quote beside it. */
  shape: "forward" | "backward" | "quote" | "continuation";
  confidence: number;
  /** Nested attribution: this claim sits inside `outer`'s content, so it reached us via that source. */
  outer?: RawClaim;
  /** Second-hand chain named in the sentence ("as quoted by …"). */
  via?: ViaMarker;
  /** Quote continuation: the claim whose speaker this one inherits. */
  speaker?: RawClaim;
}

export interface SentenceContext {
  text: string;
  tokens: Token[];
  quotes: Quote[];
  first: number; // first token index of the sentence
  to: number; // one past the last token index
  start: number;
  end: number;
}

const quoteIsSpeech = (text: string, q: Quote) =>
  q.words >= 2 || /^\p{Ll}/u.test(text.slice(q.inner.start, q.inner.end));

/** Paraphrase or partial quote, or a direct quote when the content is exactly one quotation. */
export function classifyContent(ctx: SentenceContext, content: Span): { content: Span; mode: AttributionMode } {
  for (const q of ctx.quotes) {
    if (q.open === content.start && (q.close + 1 === content.end || q.close === content.end))
      return { content: q.inner, mode: "direct_quote" };
  }
  const partial = ctx.quotes.some(
    (q) => q.open >= content.start && q.close < content.end && quoteIsSpeech(ctx.text, q),
  );
  return { content, mode: partial ? "partial_quote" : "paraphrase" };
}

function quoteClaim(ctx: SentenceContext, q: Quote, afterToken: number, mention: MentionRange, cue: Cue): RawClaim {
  // Split quote: `"Q1," Lindqvist told reporters, "Q2."` — a second quote after a comma continues it.
  const q2 = findQuoteAfter(ctx.text, ctx.tokens, ctx.quotes, afterToken, ctx.to);
  if (q2 && q2.open < ctx.end + 2 && q2 !== q) {
    return {
      mention,
      cue,
      content: { start: q.inner.start, end: q2.inner.end },
      parts: [q.inner, q2.inner],
      mode: "direct_quote",
      shape: "quote",
      confidence: 0.9,
    };
  }
  return { mention, cue, content: q.inner, mode: "direct_quote", shape: "quote", confidence: 0.9 };
}

export function backwardClaim(
  ctx: SentenceContext,
  commaIndex: number,
  mention: MentionRange,
  cue: Cue | null,
): RawClaim | null {
  if (commaIndex <= ctx.first || ctx.tokens[commaIndex].text !== ",") return null;
  if (!looksLikeClause(ctx.tokens, ctx.first, commaIndex - 1)) return null;
  const span = trimSpan(ctx.text, { start: ctx.tokens[ctx.first].start, end: ctx.tokens[commaIndex].start });
  const { content, mode } = classifyContent(ctx, span);
  return { mention, cue, content, mode, shape: "backward", confidence: 0.8 };
}

function forwardClaim(ctx: SentenceContext, startToken: number, mention: MentionRange, cue: Cue): RawClaim | null {
  const end = contentEnd(ctx.tokens, startToken, ctx.to, ctx.end);
  const span = trimSpan(ctx.text, { start: ctx.tokens[startToken].start, end });
  let lastToken = startToken;
  while (lastToken + 1 < ctx.to && ctx.tokens[lastToken + 1].end <= span.end) lastToken++;
  const { content, mode } = classifyContent(ctx, span);
  // A verbless complement is content only when it quotes someone ("called the results “…”").
  const infinitive =
    cue.verb?.infinitive &&
    ctx.tokens.slice(startToken, lastToken).some((t, i, a) => t.lower === "to" && i > 0 && a[i + 1]?.isWord);
  // After "that" the complement is a clause by grammar; a bare complement must look like one.
  const afterThat = ctx.tokens[startToken - 1]?.lower === "that";
  const ofObject = cue.verb?.objectOf && ctx.tokens.slice(startToken + 1, startToken + 6).some((t) => t.lower === "of");
  if (
    !afterThat &&
    !looksLikeClause(ctx.tokens, startToken, lastToken) &&
    mode === "paraphrase" &&
    !infinitive &&
    !ofObject
  )
    return null;
  return { mention, cue, content, mode, shape: "forward", confidence: 0.85 };
}

/** A closing quotation mark (’ only where it really closes a quote, not an apostrophe). */
const closesQuote = (ctx: SentenceContext, t: Token | undefined) =>
  !!t && (/^["”“»]$/.test(t.text) || (t.text === "’" && ctx.quotes.some((q) => q.close === t.start)));

/** Cuts a claim's content at its first comma outside quotation marks (the end of a relative clause). */
function endAtComma(ctx: SentenceContext, claim: RawClaim): RawClaim {
  const inQuote = (o: number) => ctx.quotes.some((q) => o > q.open && o < q.close);
  const comma = ctx.tokens.find(
    (t) => t.text === "," && t.start > claim.content.start && t.start < claim.content.end && !inQuote(t.start),
  );
  if (!comma) return claim;
  const { content, mode } = classifyContent(ctx, trimSpan(ctx.text, { start: claim.content.start, end: comma.start }));
  return { ...claim, content, mode };
}

export function buildVerbClaim(ctx: SentenceContext, cue: Cue): RawClaim | null {
  const claim = buildVerbClaimCore(ctx, cue);
  if (claim && cue.verb) {
    const via = findRecipientVia(ctx.text, ctx.tokens, cue.last, cue.verb.recipient, ctx.to);
    if (via) claim.via = via;
  }
  return claim;
}

function buildVerbClaimCore(ctx: SentenceContext, cue: Cue): RawClaim | null {
  const { tokens, text } = ctx;
  const prev = tokens[cue.first - 1];
  const prevIsBreak = cue.first === ctx.first || (prev && (prev.text === "," || closesQuote(ctx, prev)));
  let mention: MentionRange | null = null;
  let inverted = false;
  if (cue.participle) mention = findClauseSubject(tokens, ctx.first, cue.first);
  else {
    // Inverted order ("…," said X) only straight after a quote or when no subject precedes the cue:
    // in `"…," Smith, 54, told the Associated Press` the subject is Smith, not the agency.
    const before = findMentionBefore(tokens, cue.first, ctx.first);
    const afterQuote =
      prev && (closesQuote(ctx, prev) || (prev.text === "," && closesQuote(ctx, tokens[cue.first - 2])));
    if (prevIsBreak && (afterQuote || !before)) {
      mention = findMentionAfter(tokens, cue.last, ctx.to);
      inverted = mention !== null;
    }
    if (!mention) mention = before;
  }
  // "The firm, which said the engine works, will expand": the antecedent speaks, and the claim ends
  // where the relative clause does.
  const relative = !mention && /^(who|which)$/.test(prev?.lower ?? "");
  if (relative) mention = findRelativeAntecedent(tokens, cue.first - 1, ctx.first);
  if (!mention) return null;
  const chunkStart = inverted ? tokens[cue.first].start : tokens[mention.first].start;
  const afterToken = (inverted ? Math.max(mention.last, mention.appositive?.last ?? 0) : cue.last) + 1;
  const before = cue.participle ? null : findQuoteBefore(text, ctx.quotes, chunkStart);
  if (before && before.inner.end <= chunkStart) return quoteClaim(ctx, before, afterToken, mention, cue);
  const after = findQuoteAfter(text, tokens, ctx.quotes, afterToken, ctx.to);
  if (after) return quoteClaim(ctx, after, findTokenIndex(tokens, after.close + 1), mention, cue);
  if (!inverted && cue.verb) {
    const cueEnd = tokens[cue.last].end;
    const quoteAhead = ctx.quotes.some((q) => q.open > cueEnd && q.open < ctx.end && quoteIsSpeech(text, q));
    const start = findForwardStart(tokens, cue.verb, cue.last + 1, ctx.to, quoteAhead);
    if (start >= 0) {
      const claim = forwardClaim(ctx, start, mention, cue);
      if (claim && relative) return endAtComma(ctx, claim);
      if (claim) return claim;
    }
  }
  if (relative) return null; // a relative clause's content is inside it, never before its antecedent
  // Content before the cue only when the cue ends its sentence: "…, a study found." / "…, the bank said on Monday."
  let tail = (inverted ? mention.last : cue.last) + 1;
  while (tail < ctx.to && !tokens[tail].isWord) tail++;
  // "…, the diplomats said, speaking on condition of anonymity", "…, said Greve, who heads …": a
  // participle or relative clause hanging off the source still leaves the cue at the end.
  if (tail < ctx.to && tokens[tail - 1].text === "," && /(ing|^who|^which|^whose)$/.test(tokens[tail].lower))
    tail = ctx.to;
  if (
    tail < ctx.to &&
    (looksLikeClause(tokens, tail, ctx.to - 1) || /^(to|that)$/.test(tokens[tail].lower) || ctx.to - tail > 10)
  )
    return null;
  return backwardClaim(ctx, (inverted ? cue.first : mention.first) - 1, mention, cue);
}
