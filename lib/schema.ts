import { z } from "zod";

/** Reusable zod pieces shared by forms, route handlers and services. */
export const id = z.uuid({ message: "Must be a UUID" });

export const offset = z.number().int().min(0).max(10_000_000);

/** A span of UTF-16 code units into an article body; checked against the body by lib/spans. */
export const span = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((s) => s.start < s.end, { message: "start must be less than end", path: ["end"] });

/** PostgreSQL `integer` columns end at 2^31 - 1; a larger number must be a 400, not a driver error (500). */
export const MAX_INT4 = 2_147_483_647;

export const version = z.number().int().min(1).max(MAX_INT4);

/**
 * Text as PostgreSQL can store it unchanged: no NUL and no lone UTF-16 surrogate (the driver
 * would silently turn one into U+FFFD, and stored text must equal what was sent).
 */
export const storableString = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes("\u0000"), "Must not contain NUL characters")
    .refine((s) => s.isWellFormed(), "Must not contain unpaired UTF-16 surrogates");

/** Free text a person typed, trimmed. */
export const text = (max: number) => storableString(max).transform((s) => s.trim());

/** Optional free text; an empty string means "none" (null). The key stays optional for callers. */
export const optionalText = (max: number) =>
  z.union([text(max).transform((s) => (s === "" ? null : s)), z.null()]).optional();

export const limit = z.coerce.number().int().min(1).max(200).default(50);

/** `DELETE …?version=N`: the delete applies only if nobody changed the record since version N. */
export const deleteQuerySchema = z
  .object({ version: z.coerce.number().int().min(1).max(MAX_INT4).optional() })
  .strict();
