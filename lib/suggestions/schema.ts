import { z } from "zod";
import { MAX_ARTICLE_CHARS } from "@/lib/articles/schema";
import { storableString } from "@/lib/schema";

/** POST /api/suggestions: suggestions for any text (offsets into that text). */
export const suggestTextSchema = z
  .object({
    text: storableString(MAX_ARTICLE_CHARS).refine((s) => s.trim().length > 0, "The text is empty"),
    language: z.string().max(35).optional(),
  })
  .strict();

/** Accepting or rejecting names a suggestion by its key (stable across edits elsewhere in the text). */
export const suggestionKeySchema = z
  .object({ key: z.string().regex(/^[\w-]{8,64}$/, "Not a suggestion key") })
  .strict();
export type SuggestionKeyInput = z.infer<typeof suggestionKeySchema>;
