"use client";

import { MODE_LABELS } from "@/lib/reports/labels";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";
import type { Span } from "@/lib/spans/check-span";
import type { WorkspaceClaim } from "@/lib/workspace/types";
import { SOURCE_TYPE_STYLE } from "../source-type-badge";

/**
 * What the highlights say in other ways than colour: a marker of the source type where a claim
 * starts, the reviewer's verdict where it ends, and, for screen readers, a description of every
 * claim, cue and mention of a statement (read with the statement, which keeps its text as name).
 */

/** The reviewer's verdict, for the marker after a claim and its tooltip. */
export function reviewLabel(claim: WorkspaceClaim): string | null {
  if (claim.reviewStatus === "pending") return null;
  const verdict = claim.reviewStatus === "approved" ? "Approved" : "Flagged";
  return claim.reviewComment ? `${verdict} by review: ${claim.reviewComment}` : `${verdict} by review`;
}

export function ReviewMarker({ claim }: { claim: WorkspaceClaim }) {
  const label = reviewLabel(claim);
  if (!label) return null;
  const approved = claim.reviewStatus === "approved";
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`mx-0.5 select-none rounded px-0.5 align-super font-sans text-xs font-bold ${approved ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
    >
      {approved ? "✓" : "⚑"}
    </span>
  );
}

/** The source type's shape where a claim starts (● person … ○ anonymous individual, ◎ group). */
export function ClaimMarker({ claim }: { claim: WorkspaceClaim }) {
  const type = claim.attributions[0]?.source.type ?? "none";
  return (
    <span aria-hidden="true" className="mr-0.5 select-none align-super font-sans text-[0.6em] text-gray-700">
      {SOURCE_TYPE_STYLE[type].marker}
    </span>
  );
}

const quoted = (text: string) => `“${text.length > 120 ? `${text.slice(0, 119)}…` : text}”`;

/** Every claim overlapping `statement`, with its sources, modes, cues, mentions and review, in words. */
export function describeClaims(statement: Span, claims: WorkspaceClaim[]): string {
  return claims
    .filter((c) => !c.orphaned && c.start < statement.end && c.end > statement.start)
    .map((c) => {
      const sources = c.attributions.map((a) =>
        [
          `${a.source.name} (${SOURCE_TYPE_LABELS[a.source.type].toLowerCase()}, ${MODE_LABELS[a.mode].toLowerCase()})`,
          a.cue ? `cue ${quoted(a.cue.text)}` : "",
          a.mention ? `mention ${quoted(a.mention.text)}` : "",
          a.via ? `via ${a.via.name}` : "",
        ]
          .filter(Boolean)
          .join(", "),
      );
      const review = reviewLabel(c);
      return [
        `Claim ${quoted(c.text)}`,
        sources.length ? `attributed to ${sources.join("; ")}` : "no source yet",
        review,
      ]
        .filter(Boolean)
        .join(": ");
    })
    .join(". ");
}
