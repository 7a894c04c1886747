import { z } from "zod";
import { limit, optionalText, text, version } from "@/lib/schema";
import { GENDERS } from "./genders";
import { personAttributesSchema } from "./person-attributes";
import { SOURCE_TYPES } from "./source-types";

export const sourceType = z.enum(SOURCE_TYPES);

const sourceFields = {
  type: sourceType,
  /** The name, or for an anonymous source the descriptor as written ("four US officials"). */
  name: text(300).pipe(z.string().min(1, "Give the source a name or, if anonymous, its descriptor as written")),
  count: z.union([z.number().int().min(1).max(1_000_000), z.null()]).optional(),
  affiliation: optionalText(300),
  role: optionalText(300),
  anonymityReason: optionalText(500),
  identityKnownToNewsroom: z.union([z.boolean(), z.null()]).optional(),
  notes: text(5000).optional(),
  /** Person sources only, as they describe themselves (never guessed from a name). */
  gender: z.enum(GENDERS).optional(),
  attributes: personAttributesSchema.optional(),
};

const PERSON_ONLY = "Only person sources carry gender and self-described attributes";

/** Gender and attributes describe a person; on another type they would be counted as no one. */
export function describesNonPerson(s: { type?: string; gender?: string; attributes?: Record<string, string> }) {
  return s.type !== "person" && ((s.gender && s.gender !== "unknown") || Object.keys(s.attributes ?? {}).length > 0);
}

export const createSourceSchema = z
  .object(sourceFields)
  .strict()
  .refine((s) => !describesNonPerson(s), { message: PERSON_ONLY, path: ["gender"] });
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

export const updateSourceSchema = z.object(sourceFields).partial().extend({ version }).strict();
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const listSourcesSchema = z
  .object({
    type: sourceType.optional(),
    q: z.string().trim().max(200).optional(),
    /** Sources already used in this article come first (the workspace's source picker). */
    articleId: z.uuid().optional(),
    limit,
  })
  .strict();
export type ListSourcesInput = z.infer<typeof listSourcesSchema>;
