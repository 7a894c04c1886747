import type { SourceType } from "@/lib/generated/prisma/enums";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";

const STYLES: Record<SourceType, string> = {
  person: "bg-sky-100 text-sky-900",
  organization: "bg-indigo-100 text-indigo-900",
  media_outlet: "bg-teal-100 text-teal-900",
  document: "bg-gray-100 text-gray-800",
  anonymous_individual: "bg-amber-100 text-amber-900",
  anonymous_group: "bg-orange-100 text-orange-900",
};

/** A source's type as a small badge; anonymous types in warm colours so they stand out in a table. */
export function SourceTypeBadge({ type }: { type: SourceType }) {
  return (
    <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[type]}`}>
      {SOURCE_TYPE_LABELS[type]}
    </span>
  );
}
