import { enumValues } from "@/lib/enum-values";
import { SourceType } from "@/lib/generated/prisma/enums";

export const SOURCE_TYPES = enumValues(SourceType);

export const ANONYMOUS_SOURCE_TYPES: readonly SourceType[] = ["anonymous_individual", "anonymous_group"];

export const isAnonymousType = (type: SourceType) => ANONYMOUS_SOURCE_TYPES.includes(type);

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  person: "Person",
  organization: "Organisation",
  media_outlet: "Media outlet",
  document: "Document",
  anonymous_individual: "Anonymous individual",
  anonymous_group: "Anonymous group",
};
