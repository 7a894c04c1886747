import type { Gender } from "@/lib/generated/prisma/enums";

/** In enum order; `unknown` is the default and is always shown in counts, never hidden. */
export const GENDERS = ["woman", "man", "nonbinary", "unknown"] as const satisfies readonly Gender[];

export const GENDER_LABELS: Record<Gender, string> = {
  woman: "Woman",
  man: "Man",
  nonbinary: "Non-binary",
  unknown: "Unknown",
};
