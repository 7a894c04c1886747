import type { SourceType } from "@/lib/generated/prisma/enums";

export const SOURCE_TYPES = [
  "person",
  "organization",
  "media_outlet",
  "document",
  "anonymous_individual",
  "anonymous_group",
] as const satisfies readonly SourceType[];

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
