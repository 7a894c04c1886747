import type { z } from "zod";
import type { changeArticleStatus } from "@/lib/articles/change-status";
import type { findArticle } from "@/lib/articles/find-article";
import type { changeStatusSchema, updateArticleSchema } from "@/lib/articles/schema";
import type { updateArticle as updateArticleService } from "@/lib/articles/update-article";
import type { findHistory } from "@/lib/audit/find-history";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to the article endpoints (README, API). */
export const getArticle = (id: string) =>
  callApi<NonNullable<Answer<typeof findArticle>>>("GET", `/api/articles/${id}`);

export const updateArticle = (id: string, changes: z.input<typeof updateArticleSchema>) =>
  callApi<Answer<typeof updateArticleService>>("PATCH", `/api/articles/${id}`, changes);

export const changeStatus = (id: string, input: z.input<typeof changeStatusSchema>) =>
  callApi<Answer<typeof changeArticleStatus>>("POST", `/api/articles/${id}/status`, input);

export function getHistory(id: string, page: { limit?: number; cursor?: string | null } = {}) {
  const query = new URLSearchParams({
    limit: String(page.limit ?? 30),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return callApi<Answer<typeof findHistory>>("GET", `/api/articles/${id}/history?${query}`);
}
export type HistoryEvent = Answer<typeof findHistory>["items"][number];
