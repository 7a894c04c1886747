import { SOURCE_TYPE_STYLE } from "@/components/source-type-badge";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { MODE_LABELS, percent, SOURCE_TYPE_LABELS } from "@/lib/reports/labels";
import type { Share } from "@/lib/reports/share";
import { GENDER_LABELS, GENDERS } from "@/lib/sources/genders";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { lineChartSvg, stackedBarsSvg } from "./charts";
import type { Diversity } from "./find-diversity";
import type { TrendSeries, Trends } from "./find-trends";
import { periodLabel } from "./periods";

/** How many groups a chart draws; the table and the CSV have them all. */
export const CHARTED_GROUPS = 6;

export const groupLabel = (g: string | null) => g ?? "(none)";
const pct = (s: Share) => (s.share === null ? "–" : `${percent(s.share)} (${s.count}/${s.of})`);

export interface Figure {
  id: string;
  title: string;
  svg: string;
  table: { columns: string[]; rows: (string | number)[][] };
}

/** A series' point: its counts (TrendSeries), and its distinct sources too (Trends). */
type PointOf<S extends TrendSeries> = S["series"][number];

/** The series' points by period and group, for the tables (one lookup per cell, not a scan). */
function pointLookup<S extends TrendSeries>(trends: S): (period: string, group: string | null) => PointOf<S> {
  const byKey = new Map(trends.series.map((p) => [`${p.period}\u0000${p.group ?? "\u0001"}`, p]));
  return (period, group) => byKey.get(`${period}\u0000${group ?? "\u0001"}`)!;
}

/** A figure per period, one line per group (the busiest groups), with every group in the table. */
function lineFigure<S extends TrendSeries>(
  trends: S,
  options: {
    id: string;
    title: string;
    percent: boolean;
    /** The y axis's label, and the table's one column without a breakdown. */
    label: string;
    column: string;
    value: (p: PointOf<S>) => number | null;
    cell: (p: PointOf<S>) => string | number;
  },
): Figure {
  const charted = new Set(trends.groups.slice(0, CHARTED_GROUPS));
  const points = trends.series
    .filter((p) => charted.has(p.group))
    .map((p) => ({ period: p.period, series: groupLabel(p.group), value: options.value(p) }));
  const at = pointLookup(trends);
  return {
    id: options.id,
    title: options.title,
    svg: lineChartSvg(points, { percent: options.percent, label: options.label }),
    table: {
      columns: ["Period", ...(trends.by ? trends.groups.map(groupLabel) : [options.column])],
      rows: trends.periods.map((period) => [
        periodLabel(period, trends.interval),
        ...trends.groups.map((g) => options.cell(at(period, g))),
      ]),
    },
  };
}

/** A share per period, one line per group. */
function shareFigure(
  trends: TrendSeries,
  options: { id: string; title: string; pick: (p: PointOf<TrendSeries>) => Share },
): Figure {
  return lineFigure(trends, {
    ...options,
    percent: true,
    label: "%",
    column: "Share",
    value: (p) => options.pick(p).share,
    cell: (p) => pct(options.pick(p)),
  });
}

/** Claims per period stacked by key (all groups together: the overall mix). */
function stackFigure<K extends string>(
  trends: TrendSeries,
  options: {
    id: string;
    title: string;
    keys: readonly K[];
    labels: Record<K, string>;
    pick: (p: PointOf<TrendSeries>) => Record<K, number>;
    colors?: string[];
  },
): Figure {
  const sums = new Map(
    trends.periods.map((period) => [period, Object.fromEntries(options.keys.map((k) => [k, 0])) as Record<K, number>]),
  );
  for (const p of trends.series) {
    const sum = sums.get(p.period)!;
    for (const k of options.keys) sum[k] += options.pick(p)[k];
  }
  const perPeriod = [...sums].map(([period, sum]) => ({ period, sum }));
  return {
    id: options.id,
    title: options.title,
    svg: stackedBarsSvg(
      perPeriod.flatMap(({ period, sum }) =>
        options.keys.map((k) => ({ period, key: options.labels[k], value: sum[k] })),
      ),
      {
        keys: options.keys.map((k) => options.labels[k]),
        colors: options.colors,
        label: "claims",
        interval: trends.interval,
      },
    ),
    table: {
      columns: ["Period", ...options.keys.map((k) => options.labels[k])],
      rows: perPeriod.map(({ period, sum }) => [
        periodLabel(period, trends.interval),
        ...options.keys.map((k) => sum[k]),
      ]),
    },
  };
}

/** The figures of the counts: the series of findTrendsInParts (or findTrends) draws them all. */
export function trendFigures(trends: TrendSeries): Figure[] {
  return [
    shareFigure(trends, {
      id: "anonymous-only",
      title: "Claims resting only on anonymous sources",
      pick: (p) => p.anonymousOnly,
    }),
    shareFigure(trends, { id: "second-hand", title: "Claims that reached us second-hand", pick: (p) => p.secondHand }),
    shareFigure(trends, {
      id: "unsourced",
      title: "Sentences no attributed claim covers",
      pick: (p) => p.unsourcedSentences,
    }),
    stackFigure(trends, {
      id: "by-type",
      title: "Claims by source type",
      keys: SOURCE_TYPES,
      labels: SOURCE_TYPE_LABELS,
      pick: (p) => p.bySourceType,
      colors: SOURCE_TYPES.map((t) => SOURCE_TYPE_STYLE[t].chart),
    }),
    stackFigure(trends, {
      id: "by-mode",
      title: "Claims by mode",
      keys: ATTRIBUTION_MODES,
      labels: MODE_LABELS,
      pick: (p) => p.byMode,
    }),
  ];
}

/** The figure of the distinct sources, which only findTrends counts. */
export function missingReasonFigure(trends: Trends): Figure {
  return lineFigure(trends, {
    id: "missing-reason",
    title: "Anonymous sources with no stated reason",
    percent: false,
    label: "sources",
    column: "Sources",
    value: (p) => p.anonymousWithoutReason,
    cell: (p) => p.anonymousWithoutReason,
  });
}

/** Gender palette: unknown is a visible grey, never left out. */
export const GENDER_COLORS = ["#7b3294", "#008837", "#e66101", "#9e9e9e"];

/** Share of the quoted named people by gender per period, unknown included. */
export function diversityFigure(d: Diversity): Figure {
  const labels = GENDERS.map((g) => GENDER_LABELS[g]);
  return {
    id: "gender",
    title: "Quoted named people by gender",
    svg: stackedBarsSvg(
      d.byPeriod.flatMap((c) =>
        GENDERS.map((g) => ({ period: c.period!, key: GENDER_LABELS[g], value: c.byGender[g].share ?? 0 })),
      ),
      { keys: labels, colors: GENDER_COLORS, label: "% of people", percent: true, interval: d.interval },
    ),
    table: {
      columns: ["Period", "People", ...labels, "Anonymous sources"],
      rows: d.byPeriod.map((c) => [
        periodLabel(c.period!, d.interval),
        c.people,
        ...GENDERS.map((g) => (c.people ? `${percent(c.byGender[g].share!)} (${c.byGender[g].people})` : "–")),
        c.anonymous.sources,
      ]),
    },
  };
}
