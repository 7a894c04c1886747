"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { statementAt } from "@/lib/workspace/coverage";
import type { WorkspaceArticle, WorkspaceClaim } from "@/lib/workspace/types";
import { EditArticleText } from "./edit-article-text";
import { HelpOverlay } from "./help-overlay";
import { dispatchKey, type KeyMode, keyName, mirrorArrows } from "./keymap";
import { OrphanedClaims } from "./orphaned-claims";
import { TaggedText } from "./tagged-text";
import { readPointer } from "./text-pointer";
import { ToastProvider } from "./toasts";
import { useClaimActions } from "./use-claim-actions";
import { isRightToLeft, shortcutScope, useFocusRescue, useGlobalKeys } from "./use-global-keys";
import { usePick } from "./use-pick";
import { useSpanDraft } from "./use-span-draft";
import { useStatementCursor } from "./use-statement-cursor";
import { useSuggestionFocus } from "./use-suggestion-focus";
import { useSuggestions } from "./use-suggestions";
import { useWorkspace } from "./use-workspace";
import { WorkspaceHeader } from "./workspace-header";
import { WorkspacePanel } from "./workspace-panel";
import type { Tab } from "./workspace-tabs";

export interface WorkspaceProps {
  initialArticle: WorkspaceArticle;
  role: Role;
  canWrite: boolean;
  canReview: boolean;
  /** A claim or statement to open with (deep links from the claims explorer). */
  focus?: { claimId: string | null; statementId: string | null };
}

export function Workspace(props: WorkspaceProps) {
  return (
    <ToastProvider>
      <WorkspaceShell {...props} />
    </ToastProvider>
  );
}

/** The page: header, the tagged text with its keyboard cursor, and the side panel; state lives in hooks. */
function WorkspaceShell({ initialArticle, role, canWrite, canReview, focus }: WorkspaceProps) {
  const workspace = useWorkspace(initialArticle);
  const { article } = workspace;
  const { body, statements, claims } = article;
  const cursor = useStatementCursor(statements);
  const suggestions = useSuggestions(workspace, true);
  const { focusedKey, setFocusedKey } = useSuggestionFocus(suggestions.open, cursor.focusText);
  const [tab, setTab] = useState<Tab>("claim");
  const [activeClaimId, setActiveClaimId] = useState<string | null>(null);
  const [highlightSourceId, setHighlightSourceId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const sourceInput = useRef<HTMLInputElement>(null);
  const viaInput = useRef<HTMLInputElement>(null);
  const textRegion = useRef<HTMLDivElement>(null);
  const draft = useSpanDraft(workspace, statements);
  const pick = usePick({
    workspace,
    statements,
    claims,
    onStart: (s) => cursor.focusStatement(statements.indexOf(s)),
    onEnd: cursor.focusText,
  });
  const activeClaim = claims.find((c) => c.id === activeClaimId) ?? null;
  const ghosts = useMemo(() => suggestions.open.map((s) => ({ ...s.content, id: s.key })), [suggestions.open]);

  const openClaim = (claim: WorkspaceClaim, options?: { center?: boolean }) => {
    setActiveClaimId(claim.id);
    draft.clear();
    setTab("claim");
    const index = statements.findIndex((s) => s.id === statementAt(statements, claim.start)?.id);
    if (index >= 0) cursor.focusStatement(index, options);
  };
  const showSuggestion = (key: string | null) => {
    setFocusedKey(key);
    setTab("suggestions");
  };
  const actions = useClaimActions({
    workspace,
    suggestions,
    cursor,
    draft,
    pick,
    activeClaim,
    canWrite,
    openClaim,
    showSuggestion,
    onClaimCreated: (claim) => {
      setActiveClaimId(claim.id);
      setTab("claim");
      setTimeout(() => sourceInput.current?.focus(), 0);
    },
    onClaimGone: () => setActiveClaimId(null),
    onEditAccepted: (claimId) => {
      setActiveClaimId(claimId);
      setTab("claim");
      cursor.focusText();
    },
    searchSource: () => {
      setTab("claim");
      setTimeout(() => sourceInput.current?.focus(), 0);
    },
    searchVia: () => {
      setTab("claim");
      setTimeout(() => viaInput.current?.focus(), 0);
    },
    cancel: () => setHighlightSourceId(null),
    openHelp: () => setHelpOpen(true),
  });

  // Shortcuts work wherever focus is, except while typing; focus starts on the current statement
  // and comes back to it whenever the control that had it goes away.
  useGlobalKeys((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || helpOpen || editing) return;
    const scope = shortcutScope(event.target, textRegion.current);
    const typed = keyName(event);
    if (scope === "none" || (scope === "printable" && typed.replace(/^Alt\+/, "").length !== 1)) return;
    const modes: KeyMode[] = pick.pick ? ["pick"] : draft.draft ? ["span", "text"] : ["text"];
    // ← and → follow the screen: in right-to-left text → moves towards the start of the sentence.
    const rtl = (pick.pick || draft.draft) && isRightToLeft(cursor.refs.current[cursor.focused]);
    const name = rtl ? mirrorArrows(typed) : typed;
    if (dispatchKey(name, modes, actions.commands)) event.preventDefault();
  });
  useFocusRescue(cursor.focusText, !helpOpen && !editing);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on load
  useEffect(() => {
    const claim = claims.find((c) => c.id === focus?.claimId);
    const statement = statements.findIndex((s) => s.id === focus?.statementId);
    if (claim) openClaim(claim, { center: true });
    else if (statement >= 0) cursor.focusStatement(statement, { center: true });
    else cursor.focusText();
  }, []);

  function onTextMouseUp(event: React.MouseEvent<HTMLDivElement>) {
    const action = readPointer(event, body, pick.pick);
    if (!action) return;
    if (action.kind === "mark") pick.setSpan(action.span);
    else if (action.kind === "select" && canWrite) {
      if (!draft.adjusting) setActiveClaimId(null);
      draft.select(action.span);
      setTab("claim");
      const statement = statementAt(statements, action.span.start);
      if (statement) cursor.setFocused(statements.indexOf(statement));
    } else if (action.kind === "claim") {
      const claim = claims.find((c) => c.id === action.id);
      if (claim) openClaim(claim);
      // One column (a phone): the claim's panel is below the whole text, so bring it into view.
      if (claim && !window.matchMedia("(min-width: 64rem)").matches)
        document.getElementById("tagging-panel")?.scrollIntoView({ block: "start" });
    } else if (action.kind === "suggestion") showSuggestion(action.key);
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0 space-y-4">
        <WorkspaceHeader
          article={article}
          role={role}
          workspace={workspace}
          sentences={statements.filter((s) => s.kind === "sentence").length}
          actions={
            <>
              <a href={`/articles/${article.id}/report`} className="underline">
                Sourcing report
              </a>
              <button type="button" className="underline" onClick={() => setHelpOpen(true)}>
                Keyboard shortcuts <kbd>?</kbd>
              </button>
              {canWrite && !editing && (
                <button type="button" className="underline" onClick={() => setEditing(true)}>
                  Edit text
                </button>
              )}
            </>
          }
        />
        {editing && <EditArticleText article={article} workspace={workspace} onDone={() => setEditing(false)} />}
        <div
          ref={textRegion}
          role="region"
          aria-label="Article text"
          hidden={editing}
          lang={article.language === "und" ? undefined : article.language}
        >
          <TaggedText
            body={body}
            statements={statements}
            claims={claims}
            focusedIndex={cursor.focused}
            activeClaimId={activeClaimId}
            highlightSourceId={highlightSourceId}
            draft={draft.draft}
            pick={pick.pick?.span ?? null}
            ghosts={ghosts}
            statementRefs={cursor.refs}
            onFocusStatement={cursor.setFocused}
            onMouseUp={onTextMouseUp}
          />
        </div>
        <OrphanedClaims
          claims={claims}
          onOpen={(c) => {
            setActiveClaimId(c.id);
            setTab("claim");
            cursor.focusText();
          }}
        />
      </div>
      <WorkspacePanel
        tab={tab}
        onTab={setTab}
        workspace={workspace}
        suggestions={suggestions}
        focusedKey={focusedKey}
        onFocusSuggestion={setFocusedKey}
        activeClaim={activeClaim}
        draft={draft.draft}
        adjusting={draft.adjusting !== null}
        canWrite={canWrite}
        canReview={canReview}
        sourceInput={sourceInput}
        viaInput={viaInput}
        highlightSourceId={highlightSourceId}
        onHighlight={setHighlightSourceId}
        onOpenClaim={openClaim}
        onJump={(s) => cursor.focusStatement(statements.indexOf(s))}
        actions={actions}
        onDone={cursor.focusText}
      />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
