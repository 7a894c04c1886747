import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { csvCell } from "@/lib/reports/format-csv";
import type { Share } from "@/lib/reports/share";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import type { TrendPoint, Trends } from "./find-trends";

/** A table as RFC 4180 CSV (CRLF, quoted where needed, formula-like text defused), header first. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((r) => `${r.map((v) => csvCell(v)).join(",")}\r\n`).join("");
}

const shareCells = (s: Share) => [s.count, s.share === null ? null : Number(s.share.toFixed(6))];

/** One row per period and group: the series the charts draw, to re-plot elsewhere. */
export function trendsCsv(trends: Trends): string {
  const header = [
    "period",
    trends.by ?? "group",
    "claims",
    "attributed",
    "anonymous_only",
    "anonymous_only_share",
    "second_hand",
    "second_hand_share",
    "sentences",
    "unsourced_sentences",
    "unsourced_share",
    "anonymous_without_reason",
    ...SOURCE_TYPES.map((t) => `type_${t}`),
    ...ATTRIBUTION_MODES.map((m) => `mode_${m}`),
  ];
  const row = (p: TrendPoint) => [
    p.period,
    p.group,
    p.claims,
    p.attributed,
    ...shareCells(p.anonymousOnly),
    ...shareCells(p.secondHand),
    p.unsourcedSentences.of,
    ...shareCells(p.unsourcedSentences),
    p.anonymousWithoutReason,
    ...SOURCE_TYPES.map((t) => p.bySourceType[t]),
    ...ATTRIBUTION_MODES.map((m) => p.byMode[m]),
  ];
  return toCsv(header, trends.series.map(row));
}

/** A CSV download: never cached (it holds the newsroom's figures, and they change with every edit), as ok() is not. */
export function csvResponse(body: string, name: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
