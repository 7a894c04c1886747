import { quoteSelector } from "@/lib/anchoring/text-quote";
import type { Span } from "@/lib/spans/check-span";
import { placeholderSpan, quoteOf, reanchorParts, reanchorSpan, type SpanOutcome, searchElsewhere } from "./reanchor";
import { diffText, mapEnd, mapStart, type TextEdit } from "./reanchor-diff";
import { budgetFor, type WorkBudget } from "./work-budget";

/** A claim as stored: for an orphaned claim, text/prefix/suffix are what was lost, not body.slice. */
export interface StoredClaim {
  id: string;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  orphaned: boolean;
  parts: Span[] | null;
}
export interface StoredAttribution {
  id: string;
  claimId: string;
  cueStart: number | null;
  cueEnd: number | null;
  mentionStart: number | null;
  mentionEnd: number | null;
}

/** reattached: an orphaned claim whose exact text (with its context) is back; still_orphaned: it is not. */
export type ClaimOutcome = SpanOutcome | "orphaned" | "reattached" | "still_orphaned";

export interface ClaimPlan {
  id: string;
  outcome: ClaimOutcome;
  changed: boolean;
  next: {
    start: number;
    end: number;
    text: string;
    prefix: string;
    suffix: string;
    orphaned: boolean;
    parts: Span[] | null;
  };
}
export interface AttributionPlan {
  id: string;
  claimId: string;
  changed: boolean;
  cue: SpanOutcome | null;
  mention: SpanOutcome | null;
  next: { cueStart: number | null; cueEnd: number | null; mentionStart: number | null; mentionEnd: number | null };
}

const sameParts = (a: Span[] | null, b: Span[] | null) => JSON.stringify(a) === JSON.stringify(b);

function anchored(newBody: string, span: Span, parts: Span[] | null) {
  return { start: span.start, end: span.end, ...quoteSelector(newBody, span), orphaned: false, parts };
}

interface Texts {
  edit: TextEdit;
  oldBody: string;
  newBody: string;
  budget: WorkBudget;
}

function planClaim({ edit, oldBody, newBody, budget }: Texts, claim: StoredClaim): Omit<ClaimPlan, "changed"> {
  const old = { start: claim.start, end: claim.end };
  const orphan = (outcome: ClaimOutcome) => ({
    id: claim.id,
    outcome,
    next: {
      ...placeholderSpan(edit, newBody, old),
      text: claim.text,
      prefix: claim.prefix,
      suffix: claim.suffix,
      orphaned: true,
      parts: null,
    },
  });
  if (claim.orphaned) {
    // Its offsets are only a placeholder, so only the stored quote and its context can bring it back.
    const match = searchElsewhere(edit, newBody, claim, placeholderSpan(edit, newBody, old).start, budget);
    return match
      ? { id: claim.id, outcome: "reattached", next: anchored(newBody, match, null) }
      : orphan("still_orphaned");
  }
  const quote = quoteOf(oldBody, old);
  if (!quote) return orphan("orphaned");
  const whole = reanchorSpan(edit, newBody, quote, old, budget);
  if (whole.span && whole.outcome !== "adjusted") {
    const shift = whole.span.start - old.start;
    const parts = claim.parts?.map((p) => ({ start: p.start + shift, end: p.end + shift })) ?? null;
    return { id: claim.id, outcome: whole.outcome, next: anchored(newBody, whole.span, parts) };
  }
  // A split quote whose interruption ("he said" → "she said") changed still holds every quoted part.
  const parts = claim.parts?.length ? reanchorParts(edit, oldBody, newBody, claim.parts, budget) : null;
  if (parts) {
    const span = { start: parts.spans[0].start, end: parts.spans[parts.spans.length - 1].end };
    const outcome = parts.adjusted ? "adjusted" : parts.searched ? "found" : "moved";
    return { id: claim.id, outcome, next: anchored(newBody, span, parts.spans) };
  }
  if (whole.span) {
    const kept = claim.parts?.length ? mapParts(edit, claim.parts, whole.span) : null;
    return { id: claim.id, outcome: "adjusted", next: anchored(newBody, whole.span, kept) };
  }
  return orphan("orphaned");
}

/** A copy-edited split quote's parts carried through the edit, or null (one piece) if they no longer fit. */
function mapParts(edit: TextEdit, parts: Span[], whole: Span): Span[] | null {
  const mapped = parts.map((p, i) => ({
    start: i === 0 ? whole.start : mapStart(edit, p.start),
    end: i === parts.length - 1 ? whole.end : mapEnd(edit, p.end),
  }));
  const fits = mapped.every((p, i) => p.start < p.end && (i === 0 || p.start >= mapped[i - 1].end));
  return fits ? mapped : null;
}

function planSpan({ edit, oldBody, newBody, budget }: Texts, start: number | null, end: number | null) {
  if (start === null || end === null) return { outcome: null, start: null, end: null };
  const quote = quoteOf(oldBody, { start, end });
  const result = quote
    ? reanchorSpan(edit, newBody, quote, { start, end }, budget)
    : { outcome: "lost" as const, span: null };
  return { outcome: result.outcome, start: result.span?.start ?? null, end: result.span?.end ?? null };
}

export interface ReanchorInput {
  oldBody: string;
  newBody: string;
  claims: StoredClaim[];
  attributions: StoredAttribution[];
}
export type ReanchorPlan = ReturnType<typeof reanchorArticle>;

/**
 * Re-anchors every claim, split-quote part, cue and mention of an article from `oldBody` to
 * `newBody`. Pure and plain data in and out, so the app runs it on a worker (runReanchor).
 */
export function reanchorArticle(input: ReanchorInput) {
  const { oldBody, newBody } = input;
  const edit = diffText(oldBody, newBody);
  // One budget for the whole article: many overlapping claims in a repetitive text cannot multiply the work.
  const texts: Texts = { edit, oldBody, newBody, budget: budgetFor(oldBody.length, newBody.length) };
  const claims: ClaimPlan[] = input.claims.map((claim) => {
    const plan = planClaim(texts, claim);
    const n = plan.next;
    const changed =
      n.start !== claim.start ||
      n.end !== claim.end ||
      n.text !== claim.text ||
      n.prefix !== claim.prefix ||
      n.suffix !== claim.suffix ||
      n.orphaned !== claim.orphaned ||
      !sameParts(n.parts, claim.parts);
    return { ...plan, changed };
  });
  const attributions: AttributionPlan[] = input.attributions.map((a) => {
    const cue = planSpan(texts, a.cueStart, a.cueEnd);
    const mention = planSpan(texts, a.mentionStart, a.mentionEnd);
    const next = { cueStart: cue.start, cueEnd: cue.end, mentionStart: mention.start, mentionEnd: mention.end };
    const changed =
      next.cueStart !== a.cueStart ||
      next.cueEnd !== a.cueEnd ||
      next.mentionStart !== a.mentionStart ||
      next.mentionEnd !== a.mentionEnd;
    return { id: a.id, claimId: a.claimId, changed, cue: cue.outcome, mention: mention.outcome, next };
  });
  return { edit, claims, attributions };
}
