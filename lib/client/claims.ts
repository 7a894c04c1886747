import type { z } from "zod";
import type { deleteClaim as deleteClaimService, reviewClaim as reviewClaimService } from "@/lib/claims/change-claim";
import type { createClaim as createClaimService } from "@/lib/claims/create-claim";
import type { restoreClaim as restoreClaimService } from "@/lib/claims/restore-claim";
import type { createClaimSchema, reviewClaimSchema, updateClaimSpanSchema } from "@/lib/claims/schema";
import type { updateClaimSpan as updateClaimSpanService } from "@/lib/claims/update-claim-span";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to the claim endpoints (README, API). */
export const createClaim = (input: z.input<typeof createClaimSchema>) =>
  callApi<Answer<typeof createClaimService>>("POST", "/api/claims", input);

export const reviewClaim = (id: string, input: z.input<typeof reviewClaimSchema>) =>
  callApi<Answer<typeof reviewClaimService>>("PATCH", `/api/claims/${id}`, input);

export const deleteClaim = (id: string, version: number) =>
  callApi<Answer<typeof deleteClaimService>>("DELETE", `/api/claims/${id}?version=${version}`);

export const restoreClaim = (auditEventId: string) =>
  callApi<Answer<typeof restoreClaimService>>("POST", "/api/claims/restore", { auditEventId });

export const updateClaimSpan = (id: string, input: z.input<typeof updateClaimSpanSchema>) =>
  callApi<Answer<typeof updateClaimSpanService>>("PATCH", `/api/claims/${id}`, input);
