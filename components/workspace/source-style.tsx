import type { SourceType } from "@/lib/generated/prisma/enums";

/** One colour per source type, used by highlights, badges and the legend alike. */
export const SOURCE_TYPE_STYLE: Record<SourceType | "none", { highlight: string; badge: string; label: string }> = {
  person: { highlight: "bg-sky-100", badge: "bg-sky-200 text-sky-950", label: "Person" },
  organization: { highlight: "bg-violet-100", badge: "bg-violet-200 text-violet-950", label: "Organisation" },
  media_outlet: { highlight: "bg-emerald-100", badge: "bg-emerald-200 text-emerald-950", label: "Media outlet" },
  document: { highlight: "bg-stone-200", badge: "bg-stone-300 text-stone-950", label: "Document" },
  anonymous_individual: {
    highlight: "bg-amber-100",
    badge: "bg-amber-200 text-amber-950",
    label: "Anonymous individual",
  },
  anonymous_group: { highlight: "bg-orange-100", badge: "bg-orange-200 text-orange-950", label: "Anonymous group" },
  none: {
    highlight: "bg-gray-100 outline outline-1 outline-dashed outline-gray-400",
    badge: "bg-gray-200 text-gray-900",
    label: "No source yet",
  },
};

export function SourceTypeBadge({ type }: { type: SourceType }) {
  const style = SOURCE_TYPE_STYLE[type];
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${style.badge}`}>{style.label}</span>;
}
