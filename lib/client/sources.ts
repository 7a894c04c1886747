import type { z } from "zod";
import type { listSources as listSourcesService } from "@/lib/sources/list-sources";
import type { createSourceSchema, listSourcesSchema } from "@/lib/sources/schema";
import type { createSource as createSourceService } from "@/lib/sources/write-source";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to the source endpoints (README, API). */
export function listSources(query: z.input<typeof listSourcesSchema>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return callApi<Answer<typeof listSourcesService>>("GET", `/api/sources?${params}`);
}
export type ListedSource = Answer<typeof listSourcesService>["items"][number];

export const createSource = (input: z.input<typeof createSourceSchema>) =>
  callApi<Answer<typeof createSourceService>>("POST", "/api/sources", input);
