/**
 * Attribution by a noun rather than a verb: "In his view, the striker needs another month",
 * "In the words of the coach, …", and a possessor's claim noun in object position, "rejected Babbage's
 * claim that the engine works". A bare "the claim that …" names nobody, so it is not a suggestion, and a
 * claim noun heading the subject ("His claim that X was rejected") is skipped because the content's end
 * cannot be told from the main verb without a parser.
 */
import type { RawClaim, SentenceContext } from "./build-claims";
import { contentEnd, trimSpan } from "./find-content";
import type { Cue } from "./find-cues";
import type { MentionRange } from "./find-source-mention";
import type { Token } from "./tokenize-text";

const VIEW_NOUNS = new Set([
  "view",
  "opinion",
  "words",
  "estimation",
  "assessment",
  "judgment",
  "judgement",
  "analysis",
  "telling",
  "account",
  "mind",
  "experience",
  "reading",
]);
const CLAIM_NOUNS = new Set([
  "claim",
  "claims",
  "assertion",
  "contention",
  "insistence",
  "belief",
  "view",
  "argument",
  "warning",
  "allegation",
  "allegations",
  "suggestion",
  "prediction",
  "assurance",
  "assurances",
  "admission",
  "conclusion",
  "finding",
  "fear",
  "fears",
]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "its", "our"]);
const isPossessor = (t: Token | undefined) =>
  !!t && (POSSESSIVE_PRONOUNS.has(t.lower) || (t.isCap && /['’]s$/.test(t.text)));

const nounCue = (first: number, last: number): Cue => ({
  kind: "noun",
  verb: null,
  first,
  last,
  verbIndex: last,
  participle: false,
});

function claimFrom(ctx: SentenceContext, mention: MentionRange, cue: Cue, startToken: number): RawClaim | null {
  if (startToken >= ctx.to) return null;
  const end = contentEnd(ctx.tokens, startToken, ctx.to, ctx.end);
  const content = trimSpan(ctx.text, { start: ctx.tokens[startToken].start, end });
  if (content.end - content.start < 8) return null;
  const partial = ctx.quotes.some((q) => q.open >= content.start && q.close < content.end);
  return { mention, cue, content, mode: partial ? "partial_quote" : "paraphrase", shape: "forward", confidence: 0.7 };
}

/** "In his view, …", "In Pike's opinion, …", "In the words of the coach, …" opening the sentence. */
function sentenceOpeningView(ctx: SentenceContext): RawClaim | null {
  const { tokens, first, to } = ctx;
  if (tokens[first]?.lower !== "in") return null;
  const a = tokens[first + 1];
  const b = tokens[first + 2];
  if (isPossessor(a) && VIEW_NOUNS.has(b?.lower ?? "") && tokens[first + 3]?.text === ",") {
    return claimFrom(
      ctx,
      { first: first + 1, last: first + 1, appositive: null },
      nounCue(first, first + 2),
      first + 4,
    );
  }
  if (a?.lower === "the" && VIEW_NOUNS.has(b?.lower ?? "") && tokens[first + 3]?.lower === "of") {
    let c = first + 4;
    while (c < to && tokens[c].text !== ",") c++;
    if (c >= to || c === first + 4 || c - first > 12) return null;
    return claimFrom(ctx, { first: first + 4, last: c - 1, appositive: null }, nounCue(first, first + 3), c + 1);
  }
  return null;
}

export function buildNounCueClaims(ctx: SentenceContext, isQuoted: (offset: number) => boolean): RawClaim[] {
  const out: RawClaim[] = [];
  const view = sentenceOpeningView(ctx);
  if (view) out.push(view);
  const { tokens } = ctx;
  for (let i = ctx.first + 2; i + 2 < ctx.to; i++) {
    const t = tokens[i];
    if (!CLAIM_NOUNS.has(t.lower) || tokens[i + 1].lower !== "that" || isQuoted(t.start) || !isPossessor(tokens[i - 1]))
      continue;
    // Object position only: a verb or preposition (lower-case word) right before the possessor.
    const before = tokens[i - 2];
    if (!before.isWord || before.isCap) continue;
    const claim = claimFrom(ctx, { first: i - 1, last: i - 1, appositive: null }, nounCue(i, i), i + 2);
    if (claim) out.push(claim);
  }
  return out;
}
