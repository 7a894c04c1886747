import type { Metadata } from "next";
import { Suspense } from "react";
import { ChartFigure } from "@/components/trends/chart-figure";
import { DiversityView } from "@/components/trends/diversity-view";
import { PolicyChecksView } from "@/components/trends/policy-checks";
import { TrendsFilters } from "@/components/trends/trends-filters";
import { requirePageUser } from "@/lib/auth/page-user";
import { AppError } from "@/lib/errors";
import { percent } from "@/lib/reports/labels";
import { type Diversity, findDiversity } from "@/lib/trends/find-diversity";
import { findTrendsInParts, type TrendSeries, type Trends } from "@/lib/trends/find-trends";
import { parseTrendsParams, trendsQuery } from "@/lib/trends/page-params";
import { CHARTED_GROUPS, missingReasonFigure, trendFigures } from "@/lib/trends/trend-figures";
import { OTHER_GROUP, TREND_GROUP_LIMIT } from "@/lib/trends/trend-sql";

export const metadata: Metadata = { title: "Trends" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A section's place while its figures are still being counted. */
function Counting({ what }: { what: string }) {
  return (
    <p role="status" className="text-sm text-muted">
      Counting {what}…
    </p>
  );
}

async function MissingReasonFigure({ trends }: { trends: Promise<Trends> }) {
  return <ChartFigure {...missingReasonFigure(await trends)} />;
}

async function PolicySection({ trends }: { trends: Promise<Trends> }) {
  return <PolicyChecksView policy={(await trends).policy} />;
}

async function DiversitySection({ diversity, csvHref }: { diversity: Promise<Diversity>; csvHref: string }) {
  return <DiversityView diversity={await diversity} csvHref={csvHref} />;
}

/**
 * /trends?interval=&by=&…the explorer's filters…: the standards desk's view over time. The counts
 * come first (count tables: tens of milliseconds); the distinct sources (anonymous sources with no
 * stated reason, the policy checks) and the diversity view stream in below them, since under a
 * claim filter they read every selected claim's sources (seconds at 100k articles).
 */
export default async function TrendsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser();
  const parsed = parseTrendsParams(await searchParams);
  const input = parsed.value;
  const { by: _by, ...diversityInput } = input;
  let series: TrendSeries;
  let trends: Promise<Trends>;
  try {
    ({ series, trends } = await findTrendsInParts(input));
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
  const diversity = findDiversity(diversityInput);
  // Awaited by its section below; a failure shows there (the error page), not as an unhandled rejection.
  diversity.catch(() => undefined);
  const query = trendsQuery(input);
  const csv = (path: string) => `${path}?${trendsQuery(input, { format: "csv" })}`;
  // The diversity view has no breakdown parameter: desks are always its columns.
  const diversityCsv = `/api/diversity?${trendsQuery({ ...input, by: undefined }, { format: "csv" })}`;
  const overall = series.totals.overall;
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
        {overall.claims} claims over {series.periods.length} {input.interval === "week" ? "weeks" : "months"}:{" "}
        {overall.anonymousOnly.share === null ? "–" : percent(overall.anonymousOnly.share)} of the attributed ones rest
        only on anonymous sources, {overall.secondHand.share === null ? "–" : percent(overall.secondHand.share)} came
        second-hand, and {overall.unsourcedSentences.share === null ? "–" : percent(overall.unsourcedSentences.share)}{" "}
        of the sentences are unsourced.
        {series.groups.length > CHARTED_GROUPS &&
          ` The charts draw the ${CHARTED_GROUPS} busiest of ${series.groups.length} ${input.by}s; the tables and the CSV have them all.`}
        {series.otherGroups > 0 &&
          ` “${OTHER_GROUP}” sums the ${series.otherGroups} ${input.by}s past the ${TREND_GROUP_LIMIT} busiest.`}
      </p>
      <section aria-labelledby="sourcing" className="space-y-6">
        <h2 id="sourcing" className="text-xl font-semibold">
          Sourcing over time
        </h2>
        {trendFigures(series).map((figure) => (
          <ChartFigure key={figure.id} {...figure} />
        ))}
        <Suspense fallback={<Counting what="the anonymous sources with no stated reason" />}>
          <MissingReasonFigure trends={trends} />
        </Suspense>
      </section>
      <section aria-labelledby="policy" className="space-y-3">
        <h2 id="policy" className="text-xl font-semibold">
          Policy checks
        </h2>
        <Suspense fallback={<Counting what="the policy checks" />}>
          <PolicySection trends={trends} />
        </Suspense>
      </section>
      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who" className="text-xl font-semibold">
          Who we quote
        </h2>
        <Suspense fallback={<Counting what="the quoted people" />}>
          <DiversitySection diversity={diversity} csvHref={diversityCsv} />
        </Suspense>
      </section>
    </div>
  );
}
