"use client";

import { Fragment, type MouseEvent, memo, type RefObject } from "react";
import { MODE_LABELS } from "@/lib/reports/labels";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";
import type { Span } from "@/lib/spans/check-span";
import { groupBlocks } from "@/lib/statements/group-blocks";
import { type Mark, splitIntoSegments } from "@/lib/text/segments";
import type { WorkspaceClaim, WorkspaceStatement } from "@/lib/workspace/types";
import { SOURCE_TYPE_STYLE } from "../source-type-badge";
import { ClaimMarker, describeClaims, ReviewMarker, reviewLabel } from "./text-annotations";

export type MarkKind = "claim" | "mention" | "cue" | "draft" | "pick" | "suggestion";

interface TaggedTextProps {
  body: string;
  statements: WorkspaceStatement[];
  claims: WorkspaceClaim[];
  focusedIndex: number;
  activeClaimId: string | null;
  highlightSourceId: string | null;
  draft: Span | null;
  pick: Span | null;
  /** Open suggestions, drawn as ghost highlights; `id` is the suggestion's key. */
  ghosts: (Span & { id: string })[];
  statementRefs: RefObject<(HTMLElement | null)[]>;
  onFocusStatement: (index: number) => void;
  onMouseUp: (event: MouseEvent<HTMLDivElement>) => void;
}

function claimTitle(claim: WorkspaceClaim): string {
  const review = reviewLabel(claim);
  if (!claim.attributions.length) return ["Claim without a source yet", review].filter(Boolean).join("\n");
  return [
    ...claim.attributions.map(
      (a) =>
        `${a.source.name} (${SOURCE_TYPE_LABELS[a.source.type]}) · ${MODE_LABELS[a.mode].toLowerCase()}${a.cue ? ` · “${a.cue.text}”` : ""}${a.via ? ` · via ${a.via.name}` : ""}`,
    ),
    ...(review ? [review] : []),
  ].join("\n");
}

function segmentClass(
  marks: Mark<MarkKind>[],
  claimsById: Map<string, WorkspaceClaim>,
  activeClaimId: string | null,
  highlightSourceId: string | null,
) {
  const classes: string[] = [];
  const claimMarks = marks.filter((m) => m.kind === "claim");
  if (claimMarks.length) {
    const claim = claimsById.get(claimMarks[claimMarks.length - 1].id)!;
    const style = SOURCE_TYPE_STYLE[claim.attributions[0]?.source.type ?? "none"];
    // The fill alone is too faint to see (≈1.1:1 on white): an edge of ≥ 3:1 under the words, its
    // line style a second cue of the type besides colour.
    classes.push(style.highlight, style.edge, style.line);
    if (claimMarks.some((m) => m.id === activeClaimId)) classes.push("ring-2 ring-accent");
    if (
      highlightSourceId &&
      claimMarks.some((m) => claimsById.get(m.id)!.attributions.some((a) => a.source.id === highlightSourceId))
    ) {
      classes.push("font-semibold underline decoration-4 decoration-accent/40");
    }
  }
  if (marks.some((m) => m.kind === "mention")) classes.push("underline decoration-2 underline-offset-4");
  if (marks.some((m) => m.kind === "cue")) classes.push("underline decoration-dotted decoration-2 underline-offset-4");
  if (marks.some((m) => m.kind === "suggestion") && !claimMarks.length)
    classes.push("bg-indigo-50 outline outline-1 outline-dashed outline-indigo-300");
  if (marks.some((m) => m.kind === "draft")) classes.push("bg-yellow-200");
  if (marks.some((m) => m.kind === "pick")) classes.push("bg-lime-300");
  return classes.join(" ");
}

/**
 * The article with its claims, mentions, cues and the current selection drawn over the text.
 * Every run of text carries `data-start`, its offset in the body, so a DOM selection or click maps
 * back to exact UTF-16 offsets.
 */
export const TaggedText = memo(function TaggedText(props: TaggedTextProps) {
  const {
    body,
    statements,
    claims,
    focusedIndex,
    activeClaimId,
    highlightSourceId,
    draft,
    pick,
    ghosts,
    statementRefs,
  } = props;
  const claimsById = new Map(claims.map((c) => [c.id, c]));
  const anchored = claims.filter((c) => !c.orphaned);
  const marks: Mark<MarkKind>[] = [
    ...ghosts.map((g) => ({ ...g, kind: "suggestion" as const })),
    ...anchored.map((c) => ({ start: c.start, end: c.end, kind: "claim" as const, id: c.id })),
    // An orphaned claim's cue and mention point at text that no longer says it: not drawn.
    ...anchored.flatMap((c) =>
      c.attributions.flatMap((a) => [
        ...(a.mention ? [{ ...a.mention, kind: "mention" as const, id: `${a.id}m` }] : []),
        ...(a.cue ? [{ ...a.cue, kind: "cue" as const, id: `${a.id}c` }] : []),
      ]),
    ),
    ...(draft ? [{ ...draft, kind: "draft" as const, id: "draft" }] : []),
    ...(pick ? [{ ...pick, kind: "pick" as const, id: "pick" }] : []),
  ];
  const indexOf = new Map(statements.map((s, i) => [s.id, i]));
  // Reviewed claims get a marker where they end, with the reviewer's comment.
  const reviewedAt = new Map<number, WorkspaceClaim[]>();
  for (const c of anchored)
    if (c.reviewStatus !== "pending") reviewedAt.set(c.end, [...(reviewedAt.get(c.end) ?? []), c]);
  const startingAt = new Map<number, WorkspaceClaim[]>();
  for (const c of anchored) startingAt.set(c.start, [...(startingAt.get(c.start) ?? []), c]);
  // Screen readers read a statement's text as its name, then this description: its claims, cues
  // and mentions (an attribute, so the text is not in the page twice).
  const descriptions = new Map(
    statements.flatMap((s) => {
      const text = describeClaims(s, anchored);
      return text ? [[s.id, text] as const] : [];
    }),
  );

  // A statement is an option of one single-select listbox (the j/k cursor selects it; Enter acts on
  // it), grouped by paragraph; a heading is its own group. Options' text is their accessible name.
  const renderStatement = (s: WorkspaceStatement) => {
    const index = indexOf.get(s.id)!;
    return (
      <span
        key={s.id}
        ref={(el) => {
          statementRefs.current[index] = el;
        }}
        role="option"
        aria-selected={index === focusedIndex}
        aria-description={descriptions.get(s.id)}
        tabIndex={index === focusedIndex ? 0 : -1}
        onFocus={() => props.onFocusStatement(index)}
        className={`rounded-sm outline-none ${index === focusedIndex ? "bg-yellow-50 shadow-[0_0_0_2px_rgba(11,92,173,0.35)]" : ""}`}
      >
        {splitIntoSegments(s, marks).map((seg) => {
          const claimIds = seg.marks.filter((m) => m.kind === "claim").map((m) => m.id);
          const suggestionKeys = seg.marks.filter((m) => m.kind === "suggestion").map((m) => m.id);
          const reviewed = reviewedAt.get(seg.end);
          const starting = startingAt.get(seg.start);
          return (
            <Fragment key={seg.start}>
              {starting?.map((c) => (
                <ClaimMarker key={c.id} claim={c} />
              ))}
              <span
                data-start={seg.start}
                data-claims={claimIds.join(" ") || undefined}
                data-suggestions={suggestionKeys.join(" ") || undefined}
                title={claimIds.length ? claimTitle(claimsById.get(claimIds[claimIds.length - 1])!) : undefined}
                className={segmentClass(seg.marks, claimsById, activeClaimId, highlightSourceId)}
              >
                {body.slice(seg.start, seg.end)}
              </span>
              {reviewed?.map((c) => (
                <ReviewMarker key={c.id} claim={c} />
              ))}
            </Fragment>
          );
        })}
      </span>
    );
  };

  let paragraphs = 0;
  return (
    <div
      data-tagged-text
      role="listbox"
      aria-label="Statements"
      onMouseUp={props.onMouseUp}
      className="space-y-4 font-serif text-lg leading-loose"
    >
      {groupBlocks(body, statements).map((block) =>
        block.kind === "heading" ? (
          <div
            key={block.statement.id}
            role="group"
            aria-label="Heading"
            dir="auto"
            className="pt-2 font-sans text-xl font-semibold"
          >
            {renderStatement(block.statement)}
          </div>
        ) : (
          <p key={block.statements[0].id} role="group" aria-label={`Paragraph ${++paragraphs}`} dir="auto">
            {block.statements.map((s, i) => (
              <Fragment key={s.id}>
                {i > 0 && <span aria-hidden="true"> </span>}
                {renderStatement(s)}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
});
