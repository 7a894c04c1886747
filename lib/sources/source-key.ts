import type { SourceType } from "@/lib/generated/prisma/enums";
import { normalizeSourceName } from "./normalize-source-name";
import { isAnonymousType } from "./source-types";

/** Named sources are one record per type and normalised name; anonymous descriptors never merge. */
export function sourceUniqueKey(type: SourceType, name: string): string | null {
  return isAnonymousType(type) ? null : `${type}:${normalizeSourceName(name)}`;
}
