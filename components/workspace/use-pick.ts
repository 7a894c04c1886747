"use client";

import { useCallback, useRef, useState } from "react";
import type { Span } from "@/lib/spans/check-span";
import { stepWords, type WordStep, wordAt, wordNextTo, wordStartingWith } from "@/lib/text/words";
import { statementAt } from "@/lib/workspace/coverage";
import type { WorkspaceClaim, WorkspaceStatement } from "@/lib/workspace/types";
import { saveAttribution } from "./save-attribution";
import { useToast } from "./toasts";
import type { Workspace } from "./use-workspace";

export type PickTarget = "cue" | "mention";
export type PickStep = "next" | "prev" | WordStep;

export interface PickState {
  attributionId: string;
  target: PickTarget;
  span: Span;
  within: Span;
  /** The claim's span: type-to-jump looks around it first. */
  claim: Span;
}

/** The word after `span` (next) or before it (prev), inside `within`; the span itself at an edge. */
export function moveMark(body: string, pick: PickState, step: PickStep): Span {
  const { span, within } = pick;
  if (step === "next") {
    const after = wordAt(body, span.end, within);
    return after && after.start >= span.end ? after : span;
  }
  if (step === "prev") {
    const before = wordAt(body, Math.max(within.start, span.start - 1), { start: within.start, end: span.start });
    return before && before.end <= span.start ? before : span;
  }
  return stepWords(body, span, step, within, { clitics: true });
}

interface PickOptions {
  workspace: Workspace;
  statements: WorkspaceStatement[];
  claims: WorkspaceClaim[];
  /** Called when marking starts in a statement (to move the text cursor there) and when it ends. */
  onStart: (statement: WorkspaceStatement) => void;
  onEnd: () => void;
}

/**
 * Marking an attribution's cue or source mention word by word: a mode with its own keys (keymap
 * "pick"), saved with Enter, left with Escape.
 */
export function usePick({ workspace, statements, claims, onStart, onEnd }: PickOptions) {
  const { article } = workspace;
  const { body } = article;
  const toast = useToast();
  const [pick, setPick] = useState<PickState | null>(null);
  // Letters typed within a second of each other spell one prefix, as in a listbox; a new mark or
  // any other key starts a new one.
  const typed = useRef({ text: "", at: 0 });

  const start = useCallback(
    (attributionId: string, target: PickTarget) => {
      const claim = claims.find((c) => c.attributions.some((a) => a.id === attributionId));
      const statement = claim && statementAt(statements, claim.start);
      if (!claim || !statement) return false;
      const within = { start: statement.start, end: statement.end };
      const existing = claim.attributions.find((a) => a.id === attributionId)?.[target];
      const first = wordNextTo(body, claim, within);
      if (!first) return false;
      typed.current = { text: "", at: 0 };
      setPick({
        attributionId,
        target,
        within,
        claim: { start: claim.start, end: claim.end },
        span: existing ? { start: existing.start, end: existing.end } : first,
      });
      onStart(statement);
      toast({
        message: `Marking the ${target}: type a word's first letters or use ← → (Shift+→ extends), or click words; then Enter.`,
        tone: "info",
      });
      return true;
    },
    [body, claims, statements, onStart, toast],
  );

  const move = useCallback(
    (step: PickStep) => {
      typed.current = { text: "", at: 0 };
      setPick((p) => (p ? { ...p, span: moveMark(body, p, step) } : p));
    },
    [body],
  );

  const type = useCallback(
    (letter: string) => {
      const now = Date.now();
      const text = (now - typed.current.at < 1000 ? typed.current.text : "") + letter;
      typed.current = { text, at: now };
      setPick((p) => {
        const found = p && wordStartingWith(body, text, { from: p.span, within: p.within, near: p.claim });
        return p && found ? { ...p, span: found } : p;
      });
    },
    [body],
  );

  const cancel = useCallback(() => {
    setPick(null);
    onEnd();
  }, [onEnd]);

  const confirm = useCallback(async () => {
    if (!pick) return;
    const attribution = claims.flatMap((c) => c.attributions).find((a) => a.id === pick.attributionId);
    setPick(null);
    if (attribution)
      await saveAttribution(
        workspace,
        attribution,
        { [pick.target]: pick.span },
        `${pick.target === "cue" ? "Cue" : "Mention"} saved`,
      );
    onEnd();
  }, [pick, claims, workspace, onEnd]);

  /** A mouse mark: the span dragged over, or the clicked word (Shift+click extends to it). */
  const setSpan = useCallback((span: Span) => setPick((p) => (p ? { ...p, span } : p)), []);

  return { pick, start, move, type, cancel, confirm, setSpan };
}
export type Pick = ReturnType<typeof usePick>;
