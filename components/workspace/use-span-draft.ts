"use client";

import { useCallback, useState } from "react";
import { createClaim } from "@/lib/client/claims";
import type { Span } from "@/lib/spans/check-span";
import { stepWords, type WordStep, wholeStatementSpan } from "@/lib/text/words";
import { statementAt } from "@/lib/workspace/coverage";
import type { WorkspaceClaim, WorkspaceStatement } from "@/lib/workspace/types";
import type { Workspace } from "./use-workspace";

/**
 * The text selected for a new claim: taken from a statement (Enter) or a mouse selection, narrowed
 * or widened a word at a time (keymap "span"), created with Enter.
 */
export function useSpanDraft(workspace: Workspace, statements: WorkspaceStatement[]) {
  const { article, save } = workspace;
  const [draft, setDraft] = useState<Span | null>(null);

  const takeStatement = useCallback(
    (statement: WorkspaceStatement) => setDraft(wholeStatementSpan(article.body, statement)),
    [article.body],
  );

  const step = useCallback(
    (how: WordStep) =>
      setDraft((span) => {
        const statement = span && statementAt(statements, span.start);
        return span && statement ? stepWords(article.body, span, how, statement) : span;
      }),
    [article.body, statements],
  );

  const create = useCallback(async (): Promise<WorkspaceClaim | null> => {
    if (!draft) return null;
    const claim = await save(() => createClaim({ articleId: article.id, ...draft }), "Claim created");
    if (claim) setDraft(null);
    return claim;
  }, [draft, article.id, save]);

  return { draft, setDraft, takeStatement, step, create, clear: useCallback(() => setDraft(null), []) };
}
