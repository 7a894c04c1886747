import { z } from "zod";
import { enumValues } from "@/lib/enum-values";
import { Role } from "@/lib/generated/prisma/enums";
import { text } from "@/lib/schema";

export const ROLES = enumValues(Role);

const password = z.string().min(8, "Passwords need at least 8 characters").max(1000);
const name = text(200).pipe(z.string().min(1, "Give a name"));

export const createUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "Must be an email address" })),
    name,
    role: z.enum(ROLES),
    password,
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

/**
 * PATCH /api/users/:id (admins): any of role, name, password. A new password ends the user's
 * sessions and, unless `revokeTokens: false`, revokes their API tokens: a reset after a stolen
 * session must not leave a token minted with it working.
 */
export const updateUserSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    name: name.optional(),
    password: password.optional(),
    revokeTokens: z.boolean().optional(),
  })
  .strict()
  .refine((u) => u.role !== undefined || u.name !== undefined || u.password !== undefined, {
    message: "Nothing to change: send role, name or password",
  })
  .refine((u) => u.revokeTokens === undefined || u.password !== undefined, {
    message: "revokeTokens goes with a new password",
    path: ["revokeTokens"],
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** POST /api/users/:id/tokens: a label so the owner can tell tokens apart ("CMS import"). */
export const createTokenSchema = z
  .object({ name: text(100).pipe(z.string().min(1, "Give the token a name")) })
  .strict();
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
