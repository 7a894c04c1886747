"use client";

import { useCallback, useState } from "react";
import { createClaim, updateClaimSpan } from "@/lib/client/claims";
import type { Span } from "@/lib/spans/check-span";
import { stepWords, type WordStep, wholeStatementSpan } from "@/lib/text/words";
import { statementAt } from "@/lib/workspace/coverage";
import type { WorkspaceClaim, WorkspaceStatement } from "@/lib/workspace/types";
import type { Workspace } from "./use-workspace";

interface Draft {
  span: Span;
  /** The claim being widened or narrowed; null for a new claim. */
  claimId: string | null;
}

/**
 * A span being chosen: the text of a new claim (a statement taken with Enter, or a mouse
 * selection) or a new span for an existing one (`a`, keeping its attributions). Narrowed or
 * widened a word at a time (keymap "span"), saved with Enter.
 */
export function useSpanDraft(workspace: Workspace, statements: WorkspaceStatement[]) {
  const { article, save } = workspace;
  const [draft, setDraftState] = useState<Draft | null>(null);

  const takeStatement = useCallback(
    (statement: WorkspaceStatement) =>
      setDraftState({ span: wholeStatementSpan(article.body, statement), claimId: null }),
    [article.body],
  );

  /** A mouse selection: the new claim's text, or while adjusting, the claim's new span. */
  const select = useCallback((span: Span) => setDraftState((d) => ({ span, claimId: d?.claimId ?? null })), []);

  const adjust = useCallback(
    (claim: WorkspaceClaim) => setDraftState({ span: { start: claim.start, end: claim.end }, claimId: claim.id }),
    [],
  );

  const step = useCallback(
    (how: WordStep) =>
      setDraftState((d) => {
        if (!d) return d;
        // A new claim stays in its statement; an existing one may grow over several.
        const within = d.claimId ? { start: 0, end: article.body.length } : statementAt(statements, d.span.start);
        return within ? { ...d, span: stepWords(article.body, d.span, how, within) } : d;
      }),
    [article.body, statements],
  );

  /** Creates the claim, or saves the adjusted span; the claim as saved, or null. */
  const commit = useCallback(async (): Promise<WorkspaceClaim | null> => {
    if (!draft) return null;
    const { span, claimId } = draft;
    const claim = article.claims.find((c) => c.id === claimId);
    const saved = claim
      ? await save(() => updateClaimSpan(claim.id, { ...span, version: claim.version }), "Claim span saved")
      : await save(() => createClaim({ articleId: article.id, ...span }), "Claim created");
    if (saved) setDraftState(null);
    return saved;
  }, [draft, article, save]);

  return {
    draft: draft?.span ?? null,
    adjusting: draft?.claimId ?? null,
    takeStatement,
    select,
    adjust,
    step,
    commit,
    clear: useCallback(() => setDraftState(null), []),
  };
}
export type SpanDraft = ReturnType<typeof useSpanDraft>;
