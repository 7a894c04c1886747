"use client";

import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/lib/client/api";
import type { KeyedSuggestion } from "@/lib/suggestions/article-suggestions";
import type { LanguageSupport } from "@/lib/suggestions/engine/languages";
import type { Workspace } from "./use-workspace";

export type { KeyedSuggestion };

/** The article's open suggestions, reloaded whenever the article changes; accept and reject by key. */
export function useSuggestions(workspace: Workspace, enabled: boolean) {
  const { article, revision, save } = workspace;
  const [suggestions, setSuggestions] = useState<KeyedSuggestion[]>([]);
  const [language, setLanguage] = useState<LanguageSupport | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` changes with every save: refetch then
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    callApi<{ suggestions: KeyedSuggestion[]; language: LanguageSupport }>(
      "GET",
      `/api/articles/${article.id}/suggestions`,
    )
      .then(({ suggestions: open, language: read }) => {
        if (!live) return;
        setSuggestions(open);
        setLanguage(read);
      })
      .catch(() => {
        /* suggestions are an aid: the workspace works without them */
      });
    return () => {
      live = false;
    };
  }, [article.id, revision, enabled]);

  const accept = useCallback(
    (s: KeyedSuggestion) =>
      save(
        () => callApi<{ claimId: string }>("POST", `/api/articles/${article.id}/suggestions/accept`, { key: s.key }),
        `Accepted: ${s.source.name}`,
      ),
    [article.id, save],
  );
  const reject = useCallback(
    (s: KeyedSuggestion) =>
      save(
        () => callApi("POST", `/api/articles/${article.id}/suggestions/reject`, { key: s.key }),
        "Suggestion rejected",
      ),
    [article.id, save],
  );
  return { suggestions, language, accept, reject };
}
