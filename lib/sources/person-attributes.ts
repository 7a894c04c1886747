import { z } from "zod";
import { text } from "@/lib/schema";

export interface PersonAttribute {
  key: string;
  label: string;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * The self-described attributes a newsroom chooses to record about the people it quotes, beyond
 * gender. A deployment setting rather than a table: which attributes to track is a policy decision
 * made once (with the people concerned), not something to edit in passing, and an unconfigured
 * instance records none. `SOURCEDESK_PERSON_ATTRIBUTES="ethnicity=Ethnicity,disability=Disability"`
 * (key = label; at most 10). Values stay free text, as the person described themselves.
 */
export function personAttributes(raw = process.env.SOURCEDESK_PERSON_ATTRIBUTES ?? ""): PersonAttribute[] {
  const seen = new Set<string>();
  const out: PersonAttribute[] = [];
  for (const item of raw.split(",")) {
    const [key, ...label] = item.split("=");
    const k = key.trim();
    if (!KEY.test(k) || seen.has(k) || k === "gender") continue;
    seen.add(k);
    out.push({ key: k, label: label.join("=").trim() || k });
  }
  return out.slice(0, 10);
}

/** `{key: value}` for configured keys only; an empty value removes the key. */
export const personAttributesSchema = z
  .record(z.string().max(40), z.union([text(100), z.null()]))
  .superRefine((value, ctx) => {
    const allowed = new Set(personAttributes().map((a) => a.key));
    for (const key of Object.keys(value))
      if (!allowed.has(key))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: allowed.size
            ? `Not a configured attribute; this newsroom records ${[...allowed].join(", ")}`
            : "This newsroom records no attributes besides gender (SOURCEDESK_PERSON_ATTRIBUTES)",
        });
  })
  .transform((value) =>
    Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => e[1] !== null && e[1] !== "")),
  );

/** Stored attributes (JSON) as a string map, whatever the column holds. */
export function readAttributes(json: unknown): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === "string"));
}
