import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CHART_ACCENT } from "@/components/source-type-badge";

/**
 * Charts drawn on the server with Observable Plot into a linkedom document, sent as SVG markup:
 * no chart JavaScript reaches the browser, they print, and every text node is escaped by the DOM
 * serialiser (outlet and desk names are user text). Each chart sits beside a table of its numbers.
 */
function newDocument() {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

const periodDate = (p: string) => new Date(`${p}T00:00:00Z`);

export interface LinePoint {
  period: string;
  series: string;
  value: number | null;
}

/** Lines over time, one per series; shares (0–1) are drawn as percentages. */
export function lineChartSvg(points: LinePoint[], { percent = true, label }: { percent?: boolean; label: string }) {
  const data = points.map((p) => ({ ...p, date: periodDate(p.period) }));
  const multi = new Set(points.map((p) => p.series)).size > 1;
  const chart = Plot.plot({
    document: newDocument() as unknown as Document,
    width: 640,
    height: 260,
    marginLeft: 48,
    style: { fontSize: "12px", background: "transparent" },
    x: { type: "utc", label: null },
    y: { label, percent, grid: true, domain: percent ? [0, 100] : undefined, zero: true },
    color: multi ? { legend: true } : undefined,
    marks: [
      Plot.ruleY([0]),
      // A period with nothing to divide by has no value: the line breaks there instead of dropping to 0.
      Plot.lineY(data, { x: "date", y: "value", z: "series", stroke: multi ? "series" : CHART_ACCENT, strokeWidth: 2 }),
      Plot.dot(
        data.filter((d) => d.value !== null),
        { x: "date", y: "value", fill: multi ? "series" : CHART_ACCENT, r: 2.5 },
      ),
    ],
  });
  return chart.outerHTML;
}

export interface StackPoint {
  period: string;
  key: string;
  value: number;
}

/** Stacked bars per period (counts, or shares that add up to 1), keys in the given order and colours. */
export function stackedBarsSvg(
  points: StackPoint[],
  options: { keys: string[]; colors?: string[]; label: string; percent?: boolean; interval: "month" | "week" },
) {
  const data = points.map((p) => ({ ...p, date: periodDate(p.period) }));
  const chart = Plot.plot({
    document: newDocument() as unknown as Document,
    width: 640,
    height: 280,
    marginLeft: 48,
    style: { fontSize: "12px", background: "transparent" },
    x: { type: "utc", label: null },
    y: { label: options.label, percent: options.percent, grid: true },
    color: { legend: true, domain: options.keys, range: options.colors },
    marks: [
      // ISO weeks start on Monday, as date_trunc('week') does.
      Plot.rectY(data, {
        x: "date",
        interval: options.interval === "week" ? "monday" : "month",
        y: "value",
        fill: "key",
        order: options.keys,
        insetLeft: 0.5,
        insetRight: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
  return chart.outerHTML;
}
