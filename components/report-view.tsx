import type { ReactNode } from "react";
import {
  describeFilters,
  describeModes,
  describeSource,
  MODE_LABELS,
  percent,
  REVIEW_STATUS_LABELS,
  SOURCE_TYPE_LABELS,
} from "@/lib/reports/labels";
import { type LoadedReport, PAGE_ROW_LIMIT } from "@/lib/reports/load-report";
import { statedText } from "@/lib/text/stated-text";
import { ReportBarChart } from "./report-bar-chart";
import { ReportDownloads } from "./report-downloads";
import { SourceTypeBadge } from "./source-type-badge";

const th = "border border-gray-200 bg-gray-50 px-2 py-1 text-left text-sm font-semibold";
const td = "border border-gray-200 px-2 py-1 align-top text-sm";
const num = `${td} text-right tabular-nums`;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 break-inside-avoid">
      <h2 className="border-b border-gray-200 pb-1 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Totals({ report }: { report: LoadedReport }) {
  const t = report.summary.totals;
  const items: [string, number][] = [
    ["Articles", t.articles],
    ["Sentences", t.sentences],
    ["Headings", t.headings],
    ["Claims", t.claims],
    ["Attributed claims", t.attributed],
    ["Unsourced statements", t.unsourced],
    ["Sources", t.sources],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {items.map(([label, value]) => (
        <div key={label} className="rounded border border-gray-200 px-3 py-2">
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; claims: number; attributions: number }[];
}) {
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <ReportBarChart title={title} rows={rows.map((r) => ({ label: r.label, value: r.claims }))} />
      <div className="min-w-0 overflow-x-auto">
        <table className="w-full border-collapse">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className={th}>
                {title.replace("Claims by ", "").replace(/^./, (c) => c.toUpperCase())}
              </th>
              <th scope="col" className={th}>
                Claims
              </th>
              <th scope="col" className={th}>
                Attributions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td className={td}>{r.label}</td>
                <td className={num}>{r.claims}</td>
                <td className={num}>{r.attributions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The sourcing report on screen: the same sections as the exports, with download links. */
export function ReportView({ report, apiBase }: { report: LoadedReport; apiBase: string }) {
  const { meta, summary: s } = report;
  const showArticle = meta.kind === "filter";
  const filters = showArticle ? describeFilters(meta.filters) : [];
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold" dir="auto">
          Sourcing report: {meta.title}
        </h1>
        {filters.length > 0 && <p className="text-sm text-muted">{filters.join(" · ")}</p>}
        <ReportDownloads base={apiBase} />
      </header>
      <Section title="Totals">
        <Totals report={report} />
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            Anonymous share: <strong>{percent(s.anonymousShare.share)}</strong> ({s.anonymousShare.count} of{" "}
            {s.anonymousShare.of} claims rest only on anonymous sources)
          </li>
          <li>
            Second-hand share: <strong>{percent(s.secondHandShare.share)}</strong> ({s.secondHandShare.count} of{" "}
            {s.secondHandShare.of} claims came through another source)
          </li>
          <li>
            Anonymous sources with no stated reason:{" "}
            <strong className={s.anonymousWithoutReason ? "text-orange-800" : ""}>{s.anonymousWithoutReason}</strong>
          </li>
        </ul>
      </Section>
      <Section title="Claims by source type and by mode">
        <Breakdown
          title="Claims by source type"
          rows={s.bySourceType.map((r) => ({ label: SOURCE_TYPE_LABELS[r.type], ...r }))}
        />
        <Breakdown title="Claims by mode" rows={s.byMode.map((r) => ({ label: MODE_LABELS[r.mode], ...r }))} />
      </Section>
      <Section title="Sources">
        {s.sources.length === 0 ? (
          <p className="text-sm text-muted">No sources.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  {["Source", "Type", "Claims", "Via for", "Modes", "Anonymity reason"].map((h) => (
                    <th key={h} scope="col" className={th}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.sources.map((src) => (
                  <tr key={src.id}>
                    <td className={td} dir="auto">
                      {describeSource(src)}
                    </td>
                    <td className={td}>
                      <SourceTypeBadge type={src.type} />
                    </td>
                    <td className={num}>{src.claims}</td>
                    <td className={num}>{src.viaClaims}</td>
                    <td className={td}>{describeModes(src.modes)}</td>
                    <td className={td}>
                      {src.missingReason ? (
                        <strong className="text-orange-800">⚠ No reason stated</strong>
                      ) : (
                        (src.anonymityReason ?? "–")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Unsourced statements">
        {report.statements.length === 0 ? (
          <p className="text-sm text-muted">None: every sentence has an attributed claim.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 font-serif">
            {report.statements.map((st) => (
              <li key={st.id} dir="auto">
                {st.text}
                {showArticle && <span className="font-sans text-xs text-muted"> ({st.articleTitle})</span>}
              </li>
            ))}
          </ul>
        )}
        {s.totals.unsourced > report.statements.length && (
          <p className="text-sm text-muted">
            First {PAGE_ROW_LIMIT} of {s.totals.unsourced}; the downloads hold them all.
          </p>
        )}
      </Section>
      <Section title="Claims and their attributions">
        {report.claims.length === 0 ? (
          <p className="text-sm text-muted">No claims match.</p>
        ) : (
          <ol className="list-decimal space-y-3 pl-6">
            {report.claims.map((c) => (
              <li key={c.id}>
                <blockquote className="font-serif" dir="auto">
                  “{c.text}”
                </blockquote>
                <p className="text-xs text-muted">
                  {REVIEW_STATUS_LABELS[c.reviewStatus]}
                  {showArticle ? ` · ${c.articleTitle}` : ""}
                </p>
                <ul className="mt-1 space-y-0.5 text-sm">
                  {c.attributions.length === 0 && <li className="italic text-muted">No source attributed yet</li>}
                  {c.attributions.map((a) => (
                    <li key={a.id}>
                      <SourceTypeBadge type={a.source.type} /> <strong dir="auto">{describeSource(a.source)}</strong>
                      {" — "}
                      {MODE_LABELS[a.mode]}
                      {a.cue ? `, cue “${a.cue.text}”` : ""}
                      {a.via ? `, via ${a.via.name}` : ""}
                      {a.source.anonymous && !statedText(a.source.anonymityReason) && (
                        <span className="text-orange-800">, anonymous with no stated reason</span>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {s.totals.claims > report.claims.length && (
          <p className="text-sm text-muted">
            First {PAGE_ROW_LIMIT} of {s.totals.claims}; the downloads hold them all.
          </p>
        )}
      </Section>
    </div>
  );
}
