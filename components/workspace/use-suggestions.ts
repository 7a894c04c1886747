"use client";

import { useCallback, useEffect, useState } from "react";
import { acceptSuggestion, getSuggestions, rejectSuggestion } from "@/lib/client/suggestions";
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
    getSuggestions(article.id)
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
    (s: KeyedSuggestion) => save(() => acceptSuggestion(article.id, s.key), `Accepted: ${s.source.name}`),
    [article.id, save],
  );
  const reject = useCallback(
    (s: KeyedSuggestion) => save(() => rejectSuggestion(article.id, s.key), "Suggestion rejected"),
    [article.id, save],
  );
  return { open: suggestions, language, accept, reject };
}
export type Suggestions = ReturnType<typeof useSuggestions>;
