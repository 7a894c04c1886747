"use client";

import { type KeyboardEvent, type MouseEvent, useCallback, useMemo, useRef, useState } from "react";
import { callApi } from "@/lib/client/api";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Span } from "@/lib/spans/check-span";
import { balanceQuotes, stepWords, type WordStep, wholeStatementSpan, wordAt } from "@/lib/text/words";
import { measureCoverage, statementAt } from "@/lib/workspace/coverage";
import { guessMode } from "@/lib/workspace/guess-mode";
import type { WorkspaceArticle, WorkspaceClaim, WorkspaceSource } from "@/lib/workspace/types";
import { MODES } from "./attribution-editor";
import { ClaimPanel } from "./claim-panel";
import { CoverageMeter } from "./coverage-meter";
import { EditArticleText } from "./edit-article-text";
import { HelpOverlay } from "./help-overlay";
import { HistoryPanel } from "./history-panel";
import { Legend } from "./legend";
import { SourcesPanel } from "./sources-panel";
import { StatusControls } from "./status-controls";
import { SuggestionsPanel } from "./suggestions-panel";
import { offsetAtPoint, offsetOfDomPoint, TaggedText } from "./tagged-text";
import { ToastProvider, useToast } from "./toasts";
import { type KeyedSuggestion, useSuggestions } from "./use-suggestions";
import { useUndoableDelete } from "./use-undoable-delete";
import { useWorkspace } from "./use-workspace";

export interface WorkspaceProps {
  initialArticle: WorkspaceArticle;
  role: Role;
  canWrite: boolean;
  canReview: boolean;
}

type Tab = "claim" | "suggestions" | "sources" | "coverage" | "history";
interface Pick {
  attributionId: string;
  target: "cue" | "mention";
  span: Span;
  within: Span;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function Workspace(props: WorkspaceProps) {
  return (
    <ToastProvider>
      <WorkspaceInner {...props} />
    </ToastProvider>
  );
}

function WorkspaceInner({ initialArticle, role, canWrite, canReview }: WorkspaceProps) {
  const workspace = useWorkspace(initialArticle);
  const { article, save } = workspace;
  const toast = useToast();
  const { deleteClaim, deleteAttribution } = useUndoableDelete(workspace);
  const { suggestions, language, accept, reject } = useSuggestions(workspace, true);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [focused, setFocused] = useState(() =>
    Math.max(
      0,
      article.statements.findIndex((s) => s.kind === "sentence"),
    ),
  );
  const [draft, setDraft] = useState<Span | null>(null);
  const [activeClaimId, setActiveClaimId] = useState<string | null>(null);
  const [pick, setPick] = useState<Pick | null>(null);
  const [highlightSourceId, setHighlightSourceId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("claim");
  const [helpOpen, setHelpOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const statementRefs = useRef<(HTMLElement | null)[]>([]);
  const sourceInput = useRef<HTMLInputElement>(null);

  const { body, statements, claims } = article;
  const activeClaim = claims.find((c) => c.id === activeClaimId) ?? null;
  const coverage = useMemo(() => measureCoverage(statements, claims), [statements, claims]);
  const anchored = useMemo(() => claims.filter((c) => !c.orphaned), [claims]);
  const ghosts = useMemo(() => suggestions.map((s) => ({ ...s.content, id: s.key })), [suggestions]);

  const focusStatement = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(index, statements.length - 1));
      setFocused(clamped);
      statementRefs.current[clamped]?.focus();
    },
    [statements.length],
  );

  const openClaim = useCallback(
    (claim: WorkspaceClaim) => {
      setActiveClaimId(claim.id);
      setDraft(null);
      setTab("claim");
      const index = statements.findIndex((s) => s.id === statementAt(statements, claim.start)?.id);
      if (index >= 0) focusStatement(index);
    },
    [statements, focusStatement],
  );

  async function createClaim() {
    if (!draft) return;
    const claim = await save(
      () => callApi<WorkspaceClaim>("POST", "/api/claims", { articleId: article.id, ...draft }),
      "Claim created",
    );
    if (!claim) return;
    setDraft(null);
    setActiveClaimId(claim.id);
    setTab("claim");
    setTimeout(() => sourceInput.current?.focus(), 0);
  }

  async function addSource(source: WorkspaceSource) {
    if (!activeClaim) return;
    const mode = guessMode(body, activeClaim);
    const done = await save(
      () => callApi("POST", "/api/attributions", { claimId: activeClaim.id, sourceId: source.id, mode }),
      `Attributed to ${source.name}`,
    );
    if (done) statementRefs.current[focused]?.focus();
  }

  function startPick(attributionId: string, target: "cue" | "mention") {
    const claim = claims.find((c) => c.attributions.some((a) => a.id === attributionId));
    if (!claim) return;
    const statement = statementAt(statements, claim.start) ?? statements[focused];
    const within = { start: statement.start, end: statement.end };
    const existing = claim.attributions.find((a) => a.id === attributionId)?.[target];
    const first = wordAt(body, within.start, within);
    if (!first) return;
    setPick({ attributionId, target, within, span: existing ? { start: existing.start, end: existing.end } : first });
    focusStatement(statements.indexOf(statement));
    toast({
      message: `Marking the ${target}: click words (Shift+click extends) or use ← → and Shift+→, then Enter.`,
      tone: "info",
    });
  }

  async function confirmPick() {
    if (!pick) return;
    const attribution = claims.flatMap((c) => c.attributions).find((a) => a.id === pick.attributionId);
    setPick(null);
    if (!attribution) return;
    await save(
      () =>
        callApi("PATCH", `/api/attributions/${attribution.id}`, {
          version: attribution.version,
          [pick.target]: pick.span,
        }),
      `${pick.target === "cue" ? "Cue" : "Mention"} saved`,
    );
    statementRefs.current[focused]?.focus();
  }

  function movePick(step: "prev" | "next" | WordStep) {
    if (!pick) return;
    const { span, within } = pick;
    let next = span;
    if (step === "next") next = wordAt(body, span.end, within) ?? span;
    else if (step === "prev") {
      const before = wordAt(body, Math.max(within.start, span.start - 1), { start: within.start, end: span.start });
      next = before && before.end <= span.start ? before : span;
    } else next = stepWords(body, span, step, within);
    setPick({ ...pick, span: next.start === span.start && next.end === span.end && step === "next" ? span : next });
  }

  function setModeByKey(key: string) {
    const attribution = activeClaim?.attributions[0];
    const mode = MODES.find((m) => m.key === key);
    if (!attribution || !mode || attribution.mode === mode.value) return;
    void save(
      () => callApi("PATCH", `/api/attributions/${attribution.id}`, { version: attribution.version, mode: mode.value }),
      `Mode: ${mode.label.toLowerCase()}`,
    );
  }

  function stepClaim(direction: 1 | -1) {
    if (!anchored.length) return;
    const index = anchored.findIndex((c) => c.id === activeClaimId);
    openClaim(anchored[(index + direction + anchored.length) % anchored.length] ?? anchored[0]);
  }

  function focusSuggestion(key: string | null) {
    setFocusedKey(key);
    setTab("suggestions");
  }

  /** Acts on a suggestion, then moves to the next one so a run of correct suggestions is one key each. */
  async function decide(s: KeyedSuggestion, how: "accept" | "reject" | "edit") {
    const index = suggestions.findIndex((x) => x.key === s.key);
    const next = suggestions[index + 1] ?? suggestions[index - 1] ?? null;
    const result = how === "reject" ? await reject(s) : await accept(s);
    if (!result) return;
    if (how === "edit") {
      setActiveClaimId((result as { claimId: string }).claimId);
      setTab("claim");
    } else focusSuggestion(next?.key ?? null);
  }

  function onTextKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey) return;
    const { key, shiftKey, altKey } = event;
    const statement = statements[focused];
    const handled = () => event.preventDefault();
    if (pick) {
      if (key === "Enter") {
        handled();
        void confirmPick();
      } else if (key === "Escape") {
        handled();
        setPick(null);
      } else if (key === "ArrowRight") {
        handled();
        movePick(shiftKey ? "addAfter" : "next");
      } else if (key === "ArrowLeft") {
        handled();
        movePick(shiftKey ? "dropLast" : "prev");
      }
      return;
    }
    if (draft && shiftKey && (key === "ArrowRight" || key === "ArrowLeft")) {
      handled();
      const step: WordStep = altKey
        ? key === "ArrowRight"
          ? "addAfter"
          : "addBefore"
        : key === "ArrowRight"
          ? "dropFirst"
          : "dropLast";
      setDraft(stepWords(body, draft, step, statement));
      return;
    }
    switch (key) {
      case "j":
      case "ArrowDown":
        handled();
        setDraft(null);
        focusStatement(focused + 1);
        break;
      case "k":
      case "ArrowUp":
        handled();
        setDraft(null);
        focusStatement(focused - 1);
        break;
      case "Enter":
        handled();
        if (draft) void createClaim();
        else if (canWrite && statement.kind === "sentence") {
          setActiveClaimId(null);
          setDraft(wholeStatementSpan(body, statement));
          setTab("claim");
        }
        break;
      case "Escape":
        handled();
        setDraft(null);
        setHighlightSourceId(null);
        break;
      case "n": {
        handled();
        const next = suggestions.find((s) => s.content.start >= statement.start) ?? suggestions[0];
        if (next) focusSuggestion(next.key);
        break;
      }
      case "]":
        handled();
        stepClaim(1);
        break;
      case "[":
        handled();
        stepClaim(-1);
        break;
      case "u": {
        handled();
        const next = coverage.unsourced.find((s) => s.start > statement.start) ?? coverage.unsourced[0];
        if (next) focusStatement(statements.indexOf(next));
        break;
      }
      case "s":
        if (activeClaim && canWrite) {
          handled();
          setTab("claim");
          setTimeout(() => sourceInput.current?.focus(), 0);
        }
        break;
      case "c":
      case "m": {
        const attribution = activeClaim?.attributions[0];
        if (attribution && canWrite) {
          handled();
          startPick(attribution.id, key === "c" ? "cue" : "mention");
        }
        break;
      }
      case "1":
      case "2":
      case "3":
        if (canWrite) {
          handled();
          setModeByKey(key);
        }
        break;
      case "x":
      case "Delete":
        if (activeClaim && canWrite) {
          handled();
          void deleteClaim(activeClaim);
          setActiveClaimId(null);
        }
        break;
    }
  }

  function onTextMouseUp(event: MouseEvent<HTMLDivElement>) {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const start = offsetOfDomPoint(range.startContainer, range.startOffset);
    const end = offsetOfDomPoint(range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    if (pick) {
      // A drag marks what it covers. A click marks the word under the pointer; Shift+click extends
      // the mark to it (the browser's own shift-selection starts wherever its caret was: ignore it).
      if (!selection.isCollapsed && !event.shiftKey) {
        const dragged = trimToWords({ start, end });
        if (dragged) setPick({ ...pick, span: dragged });
        return;
      }
      const clicked = wordAt(body, offsetAtPoint(event.clientX, event.clientY) ?? start, pick.within);
      if (!clicked) return;
      const span = event.shiftKey
        ? { start: Math.min(pick.span.start, clicked.start), end: Math.max(pick.span.end, clicked.end) }
        : clicked;
      setPick({ ...pick, span });
      return;
    }
    if (!selection.isCollapsed && end > start && canWrite) {
      const span = trimToWords({ start, end });
      if (!span) return;
      setActiveClaimId(null);
      setDraft(span);
      setTab("claim");
      const index = statements.indexOf(statementAt(statements, span.start)!);
      if (index >= 0) setFocused(index);
      return;
    }
    const run = (event.target as HTMLElement).closest<HTMLElement>("[data-start]");
    const claimIds = run?.dataset.claims?.split(" ");
    const claim = claimIds && claims.find((c) => c.id === claimIds[claimIds.length - 1]);
    if (claim) openClaim(claim);
    else if (run?.dataset.suggestions) focusSuggestion(run.dataset.suggestions.split(" ")[0]);
  }

  /** A mouse selection trimmed to whole words (a drag rarely lands exactly on word edges). */
  function trimToWords(span: Span): Span | null {
    const first = wordAt(body, span.start, { start: span.start, end: span.end });
    if (!first) return null;
    const text = body.slice(span.start, span.end);
    const trailing = text.length - text.replace(/[\s.,;:!?]+$/u, "").length;
    return balanceQuotes(body, { start: first.start, end: Math.max(first.end, span.end - trailing) });
  }

  const panel = {
    claim: (
      <ClaimPanel
        ref={sourceInput}
        articleId={article.id}
        body={body}
        claim={activeClaim}
        draft={draft}
        workspace={workspace}
        canWrite={canWrite}
        canReview={canReview}
        onCreateClaim={createClaim}
        onAddSource={addSource}
        onPick={startPick}
        onDeleteClaim={(c) => {
          void deleteClaim(c);
          setActiveClaimId(null);
        }}
        onDeleteAttribution={(c, id) => void deleteAttribution(c, id)}
      />
    ),
    suggestions: (
      <SuggestionsPanel
        body={body}
        suggestions={suggestions}
        unsupported={language?.supported === false ? language.message : null}
        focusedKey={focusedKey}
        canWrite={canWrite}
        onFocus={(s) => setFocusedKey(s.key)}
        onAccept={(s) => void decide(s, "accept")}
        onReject={(s) => void decide(s, "reject")}
        onEdit={(s) => void decide(s, "edit")}
      />
    ),
    sources: (
      <SourcesPanel
        claims={claims}
        highlightSourceId={highlightSourceId}
        onHighlight={setHighlightSourceId}
        onOpenClaim={openClaim}
      />
    ),
    coverage: <CoverageMeter {...coverage} showList onJump={(s) => focusStatement(statements.indexOf(s))} />,
    history: <HistoryPanel articleId={article.id} revision={workspace.revision} />,
  }[tab];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches `?` bubbling from anywhere in the workspace
    <div
      className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]"
      onKeyDown={(e) => {
        if (e.key === "?" && !isTyping(e.target)) {
          e.preventDefault();
          setHelpOpen(true);
        }
      }}
    >
      <div className="min-w-0 space-y-4">
        <header className="space-y-2">
          <h1 className="text-3xl font-semibold" dir="auto">
            {article.title}
          </h1>
          <StatusControls article={article} role={role} workspace={workspace} />
          <div className="flex flex-wrap items-center gap-4 text-sm text-muted">
            <span>
              {coverage.sentences} sentences · {statements.length - coverage.sentences} headings · {claims.length}{" "}
              claims
            </span>
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
            {/* Fixed, so showing it never reflows the text under the editor's pointer. */}
            <span role="status" className="fixed right-4 top-3 z-40 rounded bg-white/90 px-2 text-xs">
              {workspace.saving ? "Saving…" : ""}
            </span>
          </div>
          <Legend />
        </header>
        {editing && <EditArticleText article={article} workspace={workspace} onDone={() => setEditing(false)} />}
        <div
          role="region"
          aria-label="Article text"
          hidden={editing}
          onKeyDown={onTextKeyDown}
          lang={article.language === "und" ? undefined : article.language}
        >
          <TaggedText
            body={body}
            statements={statements}
            claims={claims}
            focusedIndex={focused}
            activeClaimId={activeClaimId}
            highlightSourceId={highlightSourceId}
            draft={draft}
            pick={pick?.span ?? null}
            ghosts={ghosts}
            statementRefs={statementRefs}
            onFocusStatement={setFocused}
            onMouseUp={onTextMouseUp}
          />
        </div>
        {claims.some((c) => c.orphaned) && (
          <section aria-label="Orphaned claims" className="rounded border border-red-200 bg-red-50 p-3 text-sm">
            <h2 className="font-medium text-red-900">Orphaned claims (their text was edited away)</h2>
            <ul className="mt-1 list-disc pl-5">
              {claims
                .filter((c) => c.orphaned)
                .map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="text-left underline"
                      dir="auto"
                      onClick={() => {
                        setActiveClaimId(c.id);
                        setTab("claim");
                      }}
                    >
                      {c.text}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        )}
      </div>
      <aside
        className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto"
        aria-label="Tagging panel"
      >
        <CoverageMeter {...coverage} showList={false} onJump={() => {}} />
        <div role="tablist" aria-label="Panels" className="flex flex-wrap gap-x-1 border-b border-gray-200 text-sm">
          {(["claim", "suggestions", "sources", "coverage", "history"] as const).map((t) => (
            <button
              key={t}
              role="tab"
              id={`tab-${t}`}
              aria-selected={tab === t}
              aria-controls="panel"
              type="button"
              onClick={() => setTab(t)}
              className={`px-3 py-1.5 capitalize ${tab === t ? "border-b-2 border-accent font-medium" : "text-muted"}`}
            >
              {t === "coverage"
                ? `Unsourced (${coverage.unsourced.length})`
                : t === "suggestions"
                  ? `Suggestions (${suggestions.length})`
                  : t}
            </button>
          ))}
        </div>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {panel}
        </div>
      </aside>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
