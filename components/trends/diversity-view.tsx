import { percent } from "@/lib/reports/labels";
import { GENDER_LABELS, GENDERS } from "@/lib/sources/genders";
import type { Diversity, DiversityCell } from "@/lib/trends/find-diversity";
import { periodLabel } from "@/lib/trends/periods";
import { diversityFigure } from "@/lib/trends/trend-figures";
import { ChartFigure } from "./chart-figure";

const share = (c: DiversityCell, g: (typeof GENDERS)[number]) =>
  c.people ? `${percent(c.byGender[g].share!)} (${c.byGender[g].people})` : "–";

/** Who we quote: named people by gender (unknown shown), per period and desk; anonymous sources apart. */
export function DiversityView({ diversity, csvHref }: { diversity: Diversity; csvHref: string }) {
  const { overall } = diversity;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Gender is what an editor recorded for a person source (as the person describes themselves), never guessed from a
        name: everyone else is counted as unknown. {overall.people} named people quoted in {overall.claims} claims;{" "}
        {overall.anonymous.sources} anonymous sources in {overall.anonymous.claims} claims are counted apart.{" "}
        <a href={csvHref} className="underline">
          Download CSV
        </a>
      </p>
      <table className="text-sm tabular-nums">
        <caption className="text-left font-semibold">All periods</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 text-left">
              Gender
            </th>
            <th scope="col" className="px-2 text-right">
              People
            </th>
            <th scope="col" className="px-2 text-right">
              Share of people
            </th>
            <th scope="col" className="px-2 text-right">
              Claims
            </th>
          </tr>
        </thead>
        <tbody>
          {GENDERS.map((g) => (
            <tr key={g}>
              <th scope="row" className="px-2 text-left font-normal">
                {GENDER_LABELS[g]}
              </th>
              <td className="px-2 text-right">{overall.byGender[g].people}</td>
              <td className="px-2 text-right">{overall.people ? percent(overall.byGender[g].share!) : "–"}</td>
              <td className="px-2 text-right">{overall.byGender[g].claims}</td>
            </tr>
          ))}
          <tr className="border-t border-gray-200">
            <th scope="row" className="px-2 text-left font-normal">
              Anonymous sources (apart)
            </th>
            <td className="px-2 text-right">{overall.anonymous.sources}</td>
            <td className="px-2 text-right">–</td>
            <td className="px-2 text-right">{overall.anonymous.claims}</td>
          </tr>
        </tbody>
      </table>
      <ChartFigure {...diversityFigure(diversity)} />
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold">By desk and period</summary>
        <table className="mt-2 tabular-nums">
          <thead>
            <tr>
              {["Period", "Desk", "People", ...GENDERS.map((g) => GENDER_LABELS[g]), "Anonymous sources"].map((c) => (
                <th key={c} scope="col" className="px-2 text-left">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diversity.byDesk.map((c) => (
              <tr key={`${c.period}:${c.desk}`}>
                <td className="px-2">{periodLabel(c.period!, diversity.interval)}</td>
                <td className="px-2" dir="auto">
                  {c.desk ?? "(none)"}
                </td>
                <td className="px-2 text-right">{c.people}</td>
                {GENDERS.map((g) => (
                  <td key={g} className="px-2 text-right">
                    {share(c, g)}
                  </td>
                ))}
                <td className="px-2 text-right">{c.anonymous.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {diversity.attributes.map((a) => (
        <section key={a.key} aria-label={a.label} className="text-sm">
          <h3 className="font-semibold">{a.label} (self-described)</h3>
          <ul>
            {a.values.map((v) => (
              <li key={v.value ?? ""} dir="auto">
                {v.value ?? "not recorded"}: {v.people}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
