import type { z } from "zod";
import type { issueApiToken, revokeApiToken } from "@/lib/users/api-tokens";
import type { createUser as createUserService } from "@/lib/users/create-user";
import type { createTokenSchema, createUserSchema, updateUserSchema } from "@/lib/users/schema";
import type { updateUser as updateUserService } from "@/lib/users/update-user";
import { callApi } from "./api";
import type { Answer } from "./serialized";

/** Typed calls to the user and token endpoints (admin pages; README, API). */
export const createUser = (input: z.input<typeof createUserSchema>) =>
  callApi<Answer<typeof createUserService>>("POST", "/api/users", input);

export const updateUser = (id: string, changes: z.input<typeof updateUserSchema>) =>
  callApi<Answer<typeof updateUserService>>("PATCH", `/api/users/${id}`, changes);

export const createToken = (userId: string, input: z.input<typeof createTokenSchema>) =>
  callApi<Answer<typeof issueApiToken>>("POST", `/api/users/${userId}/tokens`, input);

export const revokeToken = (id: string) => callApi<Answer<typeof revokeApiToken>>("DELETE", `/api/tokens/${id}`);
