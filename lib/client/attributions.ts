import type { z } from "zod";
import type { restoreAttribution as restoreAttributionService } from "@/lib/attributions/restore-attribution";
import type { createAttributionSchema, updateAttributionSchema } from "@/lib/attributions/schema";
import type {
  createAttribution as createAttributionService,
  deleteAttribution as deleteAttributionService,
  updateAttribution as updateAttributionService,
} from "@/lib/attributions/write-attribution";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to the attribution endpoints (README, API). */
export const createAttribution = (input: z.input<typeof createAttributionSchema>) =>
  callApi<Answer<typeof createAttributionService>>("POST", "/api/attributions", input);

export type AttributionChanges = z.input<typeof updateAttributionSchema>;

export const updateAttribution = (id: string, changes: AttributionChanges) =>
  callApi<Answer<typeof updateAttributionService>>("PATCH", `/api/attributions/${id}`, changes);

export const deleteAttribution = (id: string, version: number) =>
  callApi<Answer<typeof deleteAttributionService>>("DELETE", `/api/attributions/${id}?version=${version}`);

export const restoreAttribution = (auditEventId: string) =>
  callApi<Answer<typeof restoreAttributionService>>("POST", "/api/attributions/restore", { auditEventId });
