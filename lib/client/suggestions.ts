import type { acceptSuggestion as acceptSuggestionService } from "@/lib/suggestions/accept-suggestion";
import type { findArticleSuggestions } from "@/lib/suggestions/article-suggestions";
import type { rejectSuggestion as rejectSuggestionService } from "@/lib/suggestions/reject-suggestion";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to an article's suggestion endpoints (README, API). */
export const getSuggestions = (articleId: string) =>
  callApi<Pick<Answer<typeof findArticleSuggestions>, "suggestions" | "language">>(
    "GET",
    `/api/articles/${articleId}/suggestions`,
  );

export const acceptSuggestion = (articleId: string, key: string) =>
  callApi<Answer<typeof acceptSuggestionService>>("POST", `/api/articles/${articleId}/suggestions/accept`, { key });

export const rejectSuggestion = (articleId: string, key: string) =>
  callApi<Answer<typeof rejectSuggestionService>>("POST", `/api/articles/${articleId}/suggestions/reject`, { key });
