import type { Metadata } from "next";
import { ChartFigure } from "@/components/trends/chart-figure";
import { DiversityView } from "@/components/trends/diversity-view";
import { PolicyChecksView } from "@/components/trends/policy-checks";
import { TrendsFilters } from "@/components/trends/trends-filters";
import { requirePageUser } from "@/lib/auth/page-user";
import { AppError } from "@/lib/errors";
import { percent } from "@/lib/reports/labels";
import { type Diversity, findDiversity } from "@/lib/trends/find-diversity";
import { findTrends, type Trends } from "@/lib/trends/find-trends";
import { parseTrendsParams, trendsQuery } from "@/lib/trends/page-params";
import { CHARTED_GROUPS, trendFigures } from "@/lib/trends/trend-figures";
import { OTHER_GROUP, TREND_GROUP_LIMIT } from "@/lib/trends/trend-sql";

export const metadata: Metadata = { title: "Trends" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /trends?interval=&by=&…the explorer's filters…: the standards desk's view over time. */
export default async function TrendsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser();
  const parsed = parseTrendsParams(await searchParams);
  const input = parsed.value;
  const { by: _by, ...diversityInput } = input;
  let found: [Trends, Diversity];
  try {
    found = await Promise.all([findTrends(input), findDiversity(diversityInput)]);
  } catch (error) {
    // A range with too many periods: say so above the filters rather than fail the page.
    if (!(error instanceof AppError) || error.code !== "validation_error") throw error;
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-semibold">Trends</h1>
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}.
        </p>
        <TrendsFilters value={input} />
      </div>
    );
  }
  const [trends, diversity] = found;
  const query = trendsQuery(input);
  const csv = (path: string) => `${path}?${trendsQuery(input, { format: "csv" })}`;
  // The diversity view has no breakdown parameter: desks are always its columns.
  const diversityCsv = `/api/diversity?${trendsQuery({ ...input, by: undefined }, { format: "csv" })}`;
  const overall = trends.totals.overall;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-semibold">Trends</h1>
        <a href={csv("/api/trends")} className="text-sm underline">
          Download the series (CSV)
        </a>
        <a href={`/claims${query ? `?${query}` : ""}`} className="text-sm underline print:hidden">
          These claims in the explorer
        </a>
      </div>
      {!parsed.ok && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          The filters in the address were not understood, so this shows every claim by month ({parsed.message}).
        </p>
      )}
      <TrendsFilters value={input} />
      <p className="text-sm">
        {overall.claims} claims over {trends.periods.length} {input.interval === "week" ? "weeks" : "months"}:{" "}
        {overall.anonymousOnly.share === null ? "–" : percent(overall.anonymousOnly.share)} of the attributed ones rest
        only on anonymous sources, {overall.secondHand.share === null ? "–" : percent(overall.secondHand.share)} came
        second-hand, and {overall.unsourcedSentences.share === null ? "–" : percent(overall.unsourcedSentences.share)}{" "}
        of the sentences are unsourced.
        {trends.groups.length > CHARTED_GROUPS &&
          ` The charts draw the ${CHARTED_GROUPS} busiest of ${trends.groups.length} ${input.by}s; the tables and the CSV have them all.`}
        {trends.otherGroups > 0 &&
          ` “${OTHER_GROUP}” sums the ${trends.otherGroups} ${input.by}s past the ${TREND_GROUP_LIMIT} busiest.`}
      </p>
      <section aria-labelledby="sourcing" className="space-y-6">
        <h2 id="sourcing" className="text-xl font-semibold">
          Sourcing over time
        </h2>
        {trendFigures(trends).map((figure) => (
          <ChartFigure key={figure.id} {...figure} />
        ))}
      </section>
      <section aria-labelledby="policy" className="space-y-3">
        <h2 id="policy" className="text-xl font-semibold">
          Policy checks
        </h2>
        <PolicyChecksView policy={trends.policy} />
      </section>
      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who" className="text-xl font-semibold">
          Who we quote
        </h2>
        <DiversityView diversity={diversity} csvHref={diversityCsv} />
      </section>
    </div>
  );
}
