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

/** Article text is data, not markup: punctuation Markdown would act on is escaped, line breaks flattened. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-!|~&]/g, "\\$&").replace(/\r\n?|\n/g, " ");
}

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

/** A text bar chart that survives any Markdown renderer (inside a code block nothing is interpreted). */
export function textBars(rows: { label: string; value: number }[], width = 30): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const pad = Math.max(...rows.map((r) => r.label.length));
  return [
    "```",
    ...rows.map((r) => `${r.label.padEnd(pad)}  ${"█".repeat(Math.round((r.value / max) * width))} ${r.value}`),
    "```",
  ].join("\n");
}

export function summaryMarkdown(title: string, filters: string[], generatedAt: string, s: ReportSummary): string {
  const t = s.totals;
  const types = s.bySourceType.map((r) => ({ label: SOURCE_TYPE_LABELS[r.type], value: r.claims }));
  const modes = s.byMode.map((r) => ({ label: MODE_LABELS[r.mode], value: r.claims }));
  return [
    `# Sourcing report: ${escapeMarkdown(title)}`,
    `Generated ${generatedAt}.${filters.length ? ` Filters: ${filters.map(escapeMarkdown).join("; ")}.` : ""}`,
    "## Totals",
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
      [[t.articles, t.statements, t.sentences, t.headings, t.claims, t.attributed, t.unsourced, t.sources]],
    ),
    `- Anonymous share: ${s.anonymousShare.count} of ${s.anonymousShare.of} claims rest only on anonymous sources (${percent(s.anonymousShare.share)}).`,
    `- Second-hand share: ${s.secondHandShare.count} of ${s.secondHandShare.of} claims came through another source (${percent(s.secondHandShare.share)}).`,
    `- Anonymous sources with no stated reason for anonymity: ${s.anonymousWithoutReason}.`,
    "## Claims by source type",
    textBars(types),
    table(
      ["Source type", "Claims", "Attributions"],
      s.bySourceType.map((r) => [SOURCE_TYPE_LABELS[r.type], r.claims, r.attributions]),
    ),
    "## Claims by mode",
    textBars(modes),
    table(
      ["Mode", "Claims", "Attributions"],
      s.byMode.map((r) => [MODE_LABELS[r.mode], r.claims, r.attributions]),
    ),
    "## Sources",
    s.sources.length
      ? table(
          ["Source", "Type", "Claims", "Via for", "Modes", "Anonymity reason"],
          s.sources.map((src) => [
            escapeMarkdown(describeSource(src)),
            SOURCE_TYPE_LABELS[src.type],
            src.claims,
            src.viaClaims,
            describeModes(src.modes),
            src.missingReason ? "⚠ none stated" : src.anonymityReason ? escapeMarkdown(src.anonymityReason) : "–",
          ]),
        )
      : "No sources.",
  ].join("\n\n");
}

export function claimMarkdown(c: ReportClaim, index: number, showArticle: boolean): string {
  const lines = [
    `${index}\\. “${escapeMarkdown(c.text)}” — ${REVIEW_STATUS_LABELS[c.reviewStatus]}${showArticle ? `, in *${escapeMarkdown(c.articleTitle)}*` : ""} (characters ${c.start}–${c.end})`,
  ];
  if (!c.attributions.length) lines.push("    - no source attributed yet");
  for (const a of c.attributions) {
    const details = [
      MODE_LABELS[a.mode],
      a.cue ? `cue “${escapeMarkdown(a.cue.text)}”` : "",
      a.via ? `via ${escapeMarkdown(a.via.name)}` : "",
      a.source.anonymous
        ? `anonymous${a.source.anonymityReason ? ` (${escapeMarkdown(a.source.anonymityReason)})` : ", no reason stated"}`
        : "",
    ].filter(Boolean);
    lines.push(
      `    - **${escapeMarkdown(describeSource(a.source))}** (${SOURCE_TYPE_LABELS[a.source.type]}): ${details.join("; ")}`,
    );
  }
  return lines.join("\n");
}

export async function* formatMarkdown({ meta, summary, claims, statements }: ReportParts): AsyncGenerator<string> {
  const showArticle = meta.kind === "filter";
  yield `${summaryMarkdown(meta.title, showArticle ? describeFilters(meta.filters) : [], meta.generatedAt, summary)}\n\n## Unsourced statements\n\n`;
  let n = 0;
  for await (const s of statements) {
    yield `- ${escapeMarkdown(s.text)}${showArticle ? ` (*${escapeMarkdown(s.articleTitle)}*)` : ""}\n`;
    n++;
  }
  if (!n) yield "None: every sentence has an attributed claim.\n";
  yield "\n## Claims and their attributions\n\n";
  n = 0;
  for await (const c of claims) yield `${claimMarkdown(c, ++n, showArticle)}\n`;
  if (!n) yield "No claims match.\n";
}
