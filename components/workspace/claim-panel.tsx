"use client";

import { forwardRef, type RefObject, useState } from "react";
import { reviewClaim } from "@/lib/client/claims";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import type { Span } from "@/lib/spans/check-span";
import type { WorkspaceClaim, WorkspaceSource } from "@/lib/workspace/types";
import { AttributionEditor } from "./attribution-editor";
import { NewSourceForm } from "./new-source-form";
import { ReviewControls } from "./review-controls";
import { SourceCombobox } from "./source-combobox";
import { SpanAdjuster } from "./span-adjuster";
import type { Workspace } from "./use-workspace";

interface ClaimPanelProps {
  articleId: string;
  body: string;
  claim: WorkspaceClaim | null;
  draft: Span | null;
  workspace: Workspace;
  canWrite: boolean;
  canReview: boolean;
  onCreateClaim: () => void;
  /** Adjusting the open claim's span: `draft` is then its new span. */
  adjusting: boolean;
  onAdjust: () => void;
  onCancelSpan: () => void;
  onAddSource: (source: WorkspaceSource) => void;
  onPick: (attributionId: string, target: "cue" | "mention") => void;
  /** After a change made from the panel: focus goes back to the text, where the shortcuts are. */
  onDone: () => void;
  onDeleteClaim: (claim: WorkspaceClaim) => void;
  onDeleteAttribution: (claim: WorkspaceClaim, attributionId: string) => void;
  /** The first attribution's via box, for the `v` shortcut. */
  viaInput: RefObject<HTMLInputElement | null>;
}

/** The claim being tagged: its text, review state, attributions, and a picker to add a source. */
export const ClaimPanel = forwardRef<HTMLInputElement, ClaimPanelProps>(function ClaimPanel(props, sourceInputRef) {
  const { articleId, body, claim, draft, workspace, canWrite, canReview } = props;
  const [creating, setCreating] = useState<string | null>(null);

  if (!claim) {
    return draft ? (
      <section aria-label="New claim" className="space-y-3">
        <p className="text-sm text-muted">Selected text</p>
        <blockquote dir="auto" className="border-l-4 border-yellow-300 pl-3 font-serif">
          {body.slice(draft.start, draft.end)}
        </blockquote>
        {canWrite && (
          <button
            type="button"
            onClick={props.onCreateClaim}
            className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white"
          >
            Create claim <kbd>Enter</kbd>
          </button>
        )}
        <p className="text-xs text-muted">
          Narrow with <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> (one word at a time), widen with <kbd>Alt</kbd>+
          <kbd>Shift</kbd>+arrows.
        </p>
      </section>
    ) : (
      <p className="text-sm text-muted">
        Select text in the article, or move to a statement with <kbd>j</kbd>/<kbd>k</kbd> and press <kbd>Enter</kbd> to
        take it as a claim. Click a highlighted claim to edit it.
      </p>
    );
  }

  const review = (reviewStatus: ReviewStatus, reviewComment: string | null) =>
    workspace
      .save(
        () => reviewClaim(claim.id, { version: claim.version, reviewStatus, reviewComment }),
        `Claim ${reviewStatus}`,
      )
      .then(props.onDone);

  return (
    <section aria-label="Claim" className="space-y-4">
      <blockquote dir="auto" className="border-l-4 border-accent pl-3 font-serif">
        {claim.text}
      </blockquote>
      {canWrite && (
        <SpanAdjuster
          body={body}
          draft={props.adjusting ? draft : null}
          onAdjust={props.onAdjust}
          onSave={props.onCreateClaim}
          onCancel={props.onCancelSpan}
        />
      )}
      {claim.orphaned && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-900">
          Orphaned: the article text this claim quoted was edited away. Review it, then delete or re-tag it.
        </p>
      )}
      <ReviewControls claim={claim} canReview={canReview} onReview={review} />
      {claim.attributions.map((a, i) => (
        <AttributionEditor
          viaInput={i === 0 ? props.viaInput : undefined}
          key={a.id}
          attribution={a}
          articleId={articleId}
          workspace={workspace}
          readOnly={!canWrite}
          onPick={(target) => props.onPick(a.id, target)}
          onDone={props.onDone}
          onDelete={() => props.onDeleteAttribution(claim, a.id)}
        />
      ))}
      {canWrite &&
        (creating !== null ? (
          <NewSourceForm
            name={creating}
            onCancel={() => setCreating(null)}
            onCreated={(s) => {
              setCreating(null);
              props.onAddSource(s);
            }}
          />
        ) : (
          <SourceCombobox
            ref={sourceInputRef}
            label={claim.attributions.length ? "Add another source" : "Who said it? (source)"}
            articleId={articleId}
            onPick={props.onAddSource}
            onCreate={setCreating}
          />
        ))}
      {canWrite && (
        <button type="button" onClick={() => props.onDeleteClaim(claim)} className="text-sm text-red-700 underline">
          Delete claim <kbd>x</kbd>
        </button>
      )}
    </section>
  );
});
