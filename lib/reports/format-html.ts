import { createHash } from "node:crypto";
import { CHART_ACCENT } from "@/components/source-type-badge";
import { formatDay, formatDayTime } from "@/lib/text/format-date";
import {
  describeFilters,
  describeModes,
  describeSource,
  MODE_LABELS,
  percent,
  REVIEW_STATUS_LABELS,
  SOURCE_TYPE_LABELS,
} from "./labels";
import type { ReportParts } from "./report-meta";
import type { ReportClaim } from "./report-rows";
import type { ReportSummary } from "./report-summary";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
const h = escapeHtml;

/** Horizontal bars as SVG: prints without "background graphics" and reads out as a list of values. */
export function barChartSvg(title: string, rows: { label: string; value: number }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 22;
  const bars = rows.map((r, i) => {
    const y = i * rowHeight;
    const width = Math.round((r.value / max) * 260);
    return (
      `<text x="0" y="${y + 15}">${h(r.label)}</text><rect x="170" y="${y + 4}" width="${width}" height="14" fill="${CHART_ACCENT}"/>` +
      `<text x="${176 + width}" y="${y + 15}">${r.value}</text>`
    );
  });
  const label = `${title}: ${rows.map((r) => `${r.label} ${r.value}`).join(", ")}`;
  return `<svg role="img" aria-label="${h(label)}" viewBox="0 0 480 ${rows.length * rowHeight}" width="480" height="${rows.length * rowHeight}" font-size="12" font-family="system-ui, sans-serif">${bars.join("")}</svg>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2328; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #59636e; } figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .25rem; } .flag { color: #9a3412; font-weight: 600; } .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
blockquote { margin: 0; font-family: Georgia, "Noto Serif", serif; } ol.claims > li { margin-bottom: .75rem; break-inside: avoid; }
@page { margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } table, tr, figure { break-inside: avoid; } thead { display: table-header-group; }
}`;
/** The CSP source of that one stylesheet: the report document may apply it and nothing else. */
export const HTML_REPORT_STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;

const table = (header: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${header.map((c) => `<th scope="col">${h(c)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

export function summaryHtml(s: ReportSummary): string {
  const t = s.totals;
  const types = s.bySourceType.map((r) => ({ label: SOURCE_TYPE_LABELS[r.type], value: r.claims }));
  const modes = s.byMode.map((r) => ({ label: MODE_LABELS[r.mode], value: r.claims }));
  const sourceRows = s.sources.map((src) => [
    h(describeSource(src)),
    h(SOURCE_TYPE_LABELS[src.type]),
    String(src.claims),
    String(src.viaClaims),
    h(describeModes(src.modes)),
    src.missingReason ? '<span class="flag">⚠ none stated</span>' : h(src.anonymityReason ?? "–"),
  ]);
  return [
    "<h2>Totals</h2>",
    table(
      [
        "Articles",
        "Statements",
        "Sentences",
        "Headings",
        "Claims",
        "Attributed claims",
        "Unsourced statements",
        "Sources",
      ],
      [[t.articles, t.statements, t.sentences, t.headings, t.claims, t.attributed, t.unsourced, t.sources].map(String)],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ),
    `<ul><li>Anonymous share: <strong>${percent(s.anonymousShare.share)}</strong> (${s.anonymousShare.count} of ${s.anonymousShare.of} claims rest only on anonymous sources)</li>`,
    `<li>Second-hand share: <strong>${percent(s.secondHandShare.share)}</strong> (${s.secondHandShare.count} of ${s.secondHandShare.of} claims came through another source)</li>`,
    `<li>Anonymous sources with no stated reason: <strong${s.anonymousWithoutReason ? ' class="flag"' : ""}>${s.anonymousWithoutReason}</strong></li></ul>`,
    "<h2>Claims by source type and by mode</h2>",
    `<div class="charts"><figure><figcaption>Claims by source type</figcaption>${barChartSvg("Claims by source type", types)}</figure>` +
      `<figure><figcaption>Claims by mode</figcaption>${barChartSvg("Claims by mode", modes)}</figure></div>`,
    table(
      ["Source type", "Claims", "Attributions"],
      s.bySourceType.map((r) => [h(SOURCE_TYPE_LABELS[r.type]), String(r.claims), String(r.attributions)]),
      [1, 2],
    ),
    table(
      ["Mode", "Claims", "Attributions"],
      s.byMode.map((r) => [h(MODE_LABELS[r.mode]), String(r.claims), String(r.attributions)]),
      [1, 2],
    ),
    "<h2>Sources</h2>",
    sourceRows.length
      ? table(["Source", "Type", "Claims", "Via for", "Modes", "Anonymity reason"], sourceRows, [2, 3])
      : "<p>No sources.</p>",
  ].join("\n");
}

export function claimHtml(c: ReportClaim, showArticle: boolean): string {
  const attributions = c.attributions.map((a) => {
    const details = [
      h(MODE_LABELS[a.mode]),
      a.cue ? `cue “${h(a.cue.text)}”` : "",
      a.via ? `via ${h(a.via.name)}` : "",
      a.source.anonymous
        ? a.source.anonymityReason
          ? `anonymous (${h(a.source.anonymityReason)})`
          : '<span class="flag">anonymous, no reason stated</span>'
        : "",
    ].filter(Boolean);
    return `<li><strong>${h(describeSource(a.source))}</strong> (${h(SOURCE_TYPE_LABELS[a.source.type])}): ${details.join("; ")}</li>`;
  });
  return (
    `<li><blockquote dir="auto">“${h(c.text)}”</blockquote><div class="meta">${h(REVIEW_STATUS_LABELS[c.reviewStatus])}` +
    `${showArticle ? ` · ${h(c.articleTitle)}` : ""} · characters ${c.start}–${c.end}</div>` +
    `<ul>${attributions.join("") || "<li>No source attributed yet</li>"}</ul></li>\n`
  );
}

/** A standalone document with a print stylesheet: "Print → Save as PDF" gives a tidy report. */
export async function* formatHtml({ meta, summary, claims, statements }: ReportParts): AsyncGenerator<string> {
  const filters = meta.kind === "filter" ? describeFilters(meta.filters) : [];
  const showArticle = meta.kind === "filter";
  yield `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Sourcing report: ${h(meta.title)}</title><style>${STYLE}</style></head><body>\n` +
    `<h1>Sourcing report: ${h(meta.title)}</h1><p class="meta">Generated <time datetime="${h(meta.generatedAt)}">${h(formatDayTime(meta.generatedAt))}</time>` +
    `${meta.article?.outlet ? ` · ${h(meta.article.outlet)}` : ""}` +
    `${meta.article?.publishedAt ? ` · published ${h(formatDay(meta.article.publishedAt))}` : ""}` +
    `${filters.length ? ` · ${h(filters.join("; "))}` : ""}</p>\n`;
  yield summaryHtml(summary);
  yield "\n<h2>Unsourced statements</h2>\n<ul>";
  let n = 0;
  for await (const s of statements) {
    yield `<li dir="auto">${h(s.text)}${showArticle ? ` <span class="meta">(${h(s.articleTitle)})</span>` : ""}</li>\n`;
    n++;
  }
  yield `</ul>${n ? "" : "<p>None: every sentence has an attributed claim.</p>"}\n<h2>Claims and their attributions</h2>\n<ol class="claims">\n`;
  n = 0;
  for await (const c of claims) {
    yield claimHtml(c, showArticle);
    n++;
  }
  yield `</ol>${n ? "" : "<p>No claims match.</p>"}\n</body></html>\n`;
}
