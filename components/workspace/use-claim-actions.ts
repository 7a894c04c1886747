"use client";

import { createAttribution } from "@/lib/client/attributions";
import { measureCoverage } from "@/lib/workspace/coverage";
import { guessMode } from "@/lib/workspace/guess-mode";
import type { WorkspaceClaim, WorkspaceSource } from "@/lib/workspace/types";
import { MODES } from "./attribution-editor";
import type { WorkspaceCommands } from "./keymap";
import { saveAttribution } from "./save-attribution";
import type { Pick } from "./use-pick";
import type { SpanDraft } from "./use-span-draft";
import type { StatementCursor } from "./use-statement-cursor";
import type { KeyedSuggestion, Suggestions } from "./use-suggestions";
import { useUndoableDelete } from "./use-undoable-delete";
import type { Workspace } from "./use-workspace";

interface Options {
  workspace: Workspace;
  suggestions: Suggestions;
  cursor: StatementCursor;
  draft: SpanDraft;
  pick: Pick;
  activeClaim: WorkspaceClaim | null;
  canWrite: boolean;
  openClaim: (claim: WorkspaceClaim) => void;
  showSuggestion: (key: string | null) => void;
  onClaimCreated: (claim: WorkspaceClaim) => void;
  onClaimGone: () => void;
  onEditAccepted: (claimId: string) => void;
  searchSource: () => void;
  searchVia: () => void;
  cancel: () => void;
  openHelp: () => void;
}

/** What the shortcuts and the panel buttons do to the article: one implementation for both. */
export function useClaimActions(o: Options) {
  const { workspace, suggestions, cursor, draft, pick, activeClaim, canWrite } = o;
  const { article, save } = workspace;
  const { body, statements, claims } = article;
  const { deleteClaim, deleteAttribution } = useUndoableDelete(workspace);
  const anchored = claims.filter((c) => !c.orphaned);

  /** Enter on a selection: creates the claim, or saves the adjusted span of the open one. */
  async function commitSpan() {
    const adjusting = draft.adjusting;
    const claim = await draft.commit();
    if (!claim) return;
    if (adjusting) cursor.focusText();
    else o.onClaimCreated(claim);
  }

  async function addSource(source: WorkspaceSource) {
    if (!activeClaim) return;
    const mode = guessMode(body, activeClaim);
    const done = await save(
      () => createAttribution({ claimId: activeClaim.id, sourceId: source.id, mode }),
      `Attributed to ${source.name}`,
    );
    if (done) cursor.focusText();
  }

  function setMode(key: "1" | "2" | "3") {
    const attribution = activeClaim?.attributions[0];
    const mode = MODES.find((m) => m.key === key);
    if (!canWrite || !attribution || !mode) return false;
    if (attribution.mode !== mode.value)
      void saveAttribution(workspace, attribution, { mode: mode.value }, `Mode: ${mode.label.toLowerCase()}`);
    return true;
  }

  function stepClaim(direction: 1 | -1) {
    if (!anchored.length) return;
    const index = anchored.findIndex((c) => c.id === activeClaim?.id);
    o.openClaim(anchored[(index + direction + anchored.length) % anchored.length] ?? anchored[0]);
  }

  /** Acts on a suggestion, then moves to the next one so a run of correct suggestions is one key each. */
  async function decide(s: KeyedSuggestion, how: "accept" | "reject" | "edit") {
    const index = suggestions.open.findIndex((x) => x.key === s.key);
    const next = suggestions.open[index + 1] ?? suggestions.open[index - 1] ?? null;
    if (how === "reject") {
      if (await suggestions.reject(s)) o.showSuggestion(next?.key ?? null);
      return;
    }
    const accepted = await suggestions.accept(s);
    if (!accepted) return;
    if (how === "edit") o.onEditAccepted(accepted.claimId);
    else o.showSuggestion(next?.key ?? null);
  }

  function removeClaim(claim: WorkspaceClaim) {
    void deleteClaim(claim);
    o.onClaimGone();
  }

  const statement = statements[cursor.focused];
  const commands: WorkspaceCommands = {
    moveStatement: (delta) => {
      draft.clear();
      cursor.focusStatement(cursor.focused + delta);
    },
    takeStatement: () => {
      if (!canWrite || statement?.kind !== "sentence") return false;
      o.onClaimGone();
      draft.takeStatement(statement);
      return true;
    },
    cancel: () => {
      draft.clear();
      o.cancel();
    },
    nextSuggestion: () => {
      const next = suggestions.open.find((s) => s.content.start >= statement.start) ?? suggestions.open[0];
      if (next) o.showSuggestion(next.key);
      return Boolean(next);
    },
    stepClaim,
    nextUnsourced: () => {
      const { unsourced } = measureCoverage(statements, claims);
      const next = unsourced.find((s) => s.start > statement.start) ?? unsourced[0];
      if (next) cursor.focusStatement(statements.indexOf(next));
    },
    searchSource: () => {
      if (!activeClaim || !canWrite) return false;
      o.searchSource();
      return true;
    },
    searchVia: () => {
      const attribution = activeClaim?.attributions[0];
      if (!attribution || attribution.via || !canWrite) return false;
      o.searchVia();
      return true;
    },
    startPick: (target) => {
      const attribution = activeClaim?.attributions[0];
      return Boolean(attribution && canWrite && pick.start(attribution.id, target));
    },
    setMode,
    deleteClaim: () => {
      if (!activeClaim || !canWrite) return false;
      removeClaim(activeClaim);
      return true;
    },
    adjustSpan: () => {
      if (!activeClaim || !canWrite) return false;
      draft.adjust(activeClaim);
      cursor.focusText(); // from the panel's button too: the selection keys work in the text
      return true;
    },
    openHelp: o.openHelp,
    span: { step: draft.step, save: () => void commitSpan(), cancel: draft.clear },
    pick: { move: pick.move, type: pick.type, save: () => void pick.confirm(), cancel: pick.cancel },
  };

  return {
    commands,
    commitSpan,
    addSource,
    decide,
    removeClaim,
    startPick: (attributionId: string, target: "cue" | "mention") => canWrite && pick.start(attributionId, target),
    removeAttribution: (claim: WorkspaceClaim, id: string) => void deleteAttribution(claim, id),
  };
}
export type ClaimActions = ReturnType<typeof useClaimActions>;
