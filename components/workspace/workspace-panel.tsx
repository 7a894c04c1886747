"use client";

import { type RefObject, useMemo } from "react";
import type { Span } from "@/lib/spans/check-span";
import { measureCoverage } from "@/lib/workspace/coverage";
import type { WorkspaceClaim, WorkspaceStatement } from "@/lib/workspace/types";
import { ClaimPanel } from "./claim-panel";
import { CoverageMeter } from "./coverage-meter";
import { HistoryPanel } from "./history-panel";
import { SourcesPanel } from "./sources-panel";
import { SuggestionsPanel } from "./suggestions-panel";
import type { ClaimActions } from "./use-claim-actions";
import type { Suggestions } from "./use-suggestions";
import type { Workspace } from "./use-workspace";
import { type Tab, WorkspaceTabs } from "./workspace-tabs";

interface Props {
  tab: Tab;
  onTab: (tab: Tab) => void;
  workspace: Workspace;
  suggestions: Suggestions;
  focusedKey: string | null;
  onFocusSuggestion: (key: string) => void;
  activeClaim: WorkspaceClaim | null;
  draft: Span | null;
  adjusting: boolean;
  canWrite: boolean;
  canReview: boolean;
  sourceInput: RefObject<HTMLInputElement | null>;
  viaInput: RefObject<HTMLInputElement | null>;
  highlightSourceId: string | null;
  onHighlight: (sourceId: string | null) => void;
  onOpenClaim: (claim: WorkspaceClaim) => void;
  onJump: (statement: WorkspaceStatement) => void;
  actions: ClaimActions;
  onDone: () => void;
}

/** The side panel: coverage, then one tab at a time (claim, suggestions, sources, unsourced, history). */
export function WorkspacePanel(props: Props) {
  const { tab, workspace, suggestions, actions, activeClaim } = props;
  const { article } = workspace;
  const coverage = useMemo(
    () => measureCoverage(article.statements, article.claims),
    [article.statements, article.claims],
  );

  const panel = {
    claim: (
      <ClaimPanel
        ref={props.sourceInput}
        viaInput={props.viaInput}
        articleId={article.id}
        body={article.body}
        claim={activeClaim}
        draft={props.draft}
        workspace={workspace}
        canWrite={props.canWrite}
        canReview={props.canReview}
        onCreateClaim={() => void actions.commitSpan()}
        adjusting={props.adjusting}
        onAdjust={() => actions.commands.adjustSpan()}
        onCancelSpan={actions.commands.span.cancel}
        onAddSource={(s) => void actions.addSource(s)}
        onPick={(id, target) => void actions.startPick(id, target)}
        onDeleteClaim={actions.removeClaim}
        onDeleteAttribution={actions.removeAttribution}
        onDone={props.onDone}
      />
    ),
    suggestions: (
      <SuggestionsPanel
        body={article.body}
        suggestions={suggestions.open}
        unsupported={suggestions.language?.supported === false ? suggestions.language.message : null}
        focusedKey={props.focusedKey}
        canWrite={props.canWrite}
        onFocus={(s) => props.onFocusSuggestion(s.key)}
        onAccept={(s) => void actions.decide(s, "accept")}
        onReject={(s) => void actions.decide(s, "reject")}
        onEdit={(s) => void actions.decide(s, "edit")}
      />
    ),
    sources: (
      <SourcesPanel
        claims={article.claims}
        highlightSourceId={props.highlightSourceId}
        onHighlight={props.onHighlight}
        onOpenClaim={props.onOpenClaim}
      />
    ),
    coverage: <CoverageMeter {...coverage} showList onJump={props.onJump} />,
    history: <HistoryPanel articleId={article.id} revision={workspace.revision} />,
  }[tab];

  return (
    <aside
      id="tagging-panel"
      className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto"
      aria-label="Tagging panel"
    >
      <CoverageMeter {...coverage} showList={false} onJump={() => {}} />
      <WorkspaceTabs
        tab={tab}
        onChange={props.onTab}
        labels={{
          claim: "Claim",
          suggestions: `Suggestions (${suggestions.open.length})`,
          sources: "Sources",
          coverage: `Unsourced (${coverage.unsourced.length})`,
          history: "History",
        }}
      >
        {panel}
      </WorkspaceTabs>
    </aside>
  );
}
