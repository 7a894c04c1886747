import type { SourceType } from "@/lib/generated/prisma/enums";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";

interface SourceTypeStyle {
  /** A light fill behind a claim's words in the article text (the text on it keeps ≥ 4.5:1). */
  highlight: string;
  /** Fill, text and a ≥ 3:1 border for the badge. */
  badge: string;
  /** A border or underline colour with ≥ 3:1 contrast on white and on the fill, for edges in the text. */
  edge: string;
  /** A non-colour cue, the same shape wherever the type is shown: filled for named, hollow for anonymous. */
  marker: string;
  /** The edge's hue as a colour value, for SVG drawn on the server (the trends' charts). */
  chart: string;
  /** The style of a claim's edge in the text, a second non-colour cue: solid named, dashed anonymous individual, double group. */
  line: string;
}

/**
 * The one palette of source types: the workspace's highlights, badges, legend and the explorer and
 * report badges all read it. Hues keep indigo free for suggestions; amber and orange are close, so
 * the marker tells the two anonymous types apart.
 */
export const SOURCE_TYPE_STYLE: Record<SourceType | "none", SourceTypeStyle> = {
  person: {
    highlight: "bg-sky-100",
    badge: "bg-sky-100 text-sky-950 border-sky-700",
    edge: "border-sky-700",
    marker: "●",
    chart: "#0369a1",
    line: "border-b-2 border-solid",
  },
  organization: {
    highlight: "bg-violet-100",
    badge: "bg-violet-100 text-violet-950 border-violet-700",
    edge: "border-violet-700",
    marker: "■",
    chart: "#6d28d9",
    line: "border-b-2 border-solid",
  },
  media_outlet: {
    highlight: "bg-emerald-100",
    badge: "bg-emerald-100 text-emerald-950 border-emerald-700",
    edge: "border-emerald-700",
    marker: "▲",
    chart: "#047857",
    line: "border-b-2 border-solid",
  },
  document: {
    highlight: "bg-stone-200",
    badge: "bg-stone-200 text-stone-950 border-stone-600",
    edge: "border-stone-600",
    marker: "◆",
    chart: "#57534e",
    line: "border-b-2 border-solid",
  },
  anonymous_individual: {
    highlight: "bg-amber-100",
    badge: "bg-amber-100 text-amber-950 border-amber-700",
    edge: "border-amber-700",
    marker: "○",
    chart: "#b45309",
    line: "border-b-2 border-dashed",
  },
  anonymous_group: {
    highlight: "bg-orange-100",
    badge: "bg-orange-100 text-orange-950 border-orange-700",
    edge: "border-orange-700",
    marker: "◎",
    chart: "#c2410c",
    line: "border-b-[3px] border-double",
  },
  none: {
    highlight: "bg-gray-100 outline outline-1 outline-dashed outline-gray-500",
    badge: "bg-gray-100 text-gray-900 border-gray-500",
    edge: "border-gray-500",
    marker: "?",
    chart: "#6b7280",
    line: "border-b-2 border-dotted",
  },
};

/** The colour of a chart with one series (no source type to show): bars and lines of reports and trends. */
export const CHART_ACCENT = "#0b5cad";

export const NO_SOURCE_LABEL = "No source yet";

/** A source's type as a small badge: its marker (hidden from screen readers, which read the label) and label. */
export function SourceTypeBadge({ type }: { type: SourceType }) {
  const style = SOURCE_TYPE_STYLE[type];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${style.badge}`}
    >
      <span aria-hidden="true">{style.marker}</span>
      {SOURCE_TYPE_LABELS[type]}
    </span>
  );
}
