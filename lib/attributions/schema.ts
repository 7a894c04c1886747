import { z } from "zod";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { id, optionalText, span, version } from "@/lib/schema";

const fields = {
  sourceId: id,
  mode: z.enum(ATTRIBUTION_MODES),
  /** The words that attribute ("have made it clear"). */
  cue: z.union([span, z.null()]).optional(),
  /** Where the source is named, possibly a pronoun ("They", "he"). */
  mention: z.union([span, z.null()]).optional(),
  /** Second-hand chain: the source through which the claim reached the article. */
  viaSourceId: z.union([id, z.null()]).optional(),
  note: optionalText(2000),
};

export const createAttributionSchema = z.object({ claimId: id, ...fields }).strict();
export type CreateAttributionInput = z.infer<typeof createAttributionSchema>;

export const updateAttributionSchema = z
  .object({ ...fields, sourceId: id.optional(), mode: fields.mode.optional(), version })
  .strict();
export type UpdateAttributionInput = z.infer<typeof updateAttributionSchema>;
