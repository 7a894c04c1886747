import { compactFacetCountsSoon } from "@/lib/claims/compact-facet-counts";
import type { AnonymousFacts } from "./anonymous-facts-sql";
import { countedAnonymousFactsCover, readCountedAnonymousFacts } from "./counted-anonymous-facts";
import { foldWaitingSourceMonthsSoon } from "./fold-source-months";
import { periodsOf } from "./periods";
import { findSingleSourceQuery, POLICY_LIST_LIMIT, policyChecks, type SingleSourceRow } from "./policy-checks";
import { type AggregateReader, readAggregates } from "./read-aggregate";
import type { TrendsInput } from "./schema";
import {
  countedAnonymousFactsQuery,
  countedBucketsQuery,
  sentenceBucketsQuery,
  trendCountsCover,
} from "./trend-counts-sql";
import { facetBucketsQuery, trendFacetCellsCover } from "./trend-facet-sql";
import {
  assembleSeries,
  type PointPlace,
  type SentenceBucketRow,
  type TrendCountsPoint,
  type TrendRows,
  topGroups,
} from "./trend-series";
import { anonymousFactsQuery, type ClaimBucketRow, claimBucketsQuery } from "./trend-sql";

export interface TrendPoint extends TrendCountsPoint {
  /** Distinct anonymous sources quoted with no stated reason for their anonymity. */
  anonymousWithoutReason: number;
}

interface Paths {
  /** Every filter is one the count tables hold (a date range): sums over TrendCount's cells. */
  counted: boolean;
  /** Low-cardinality claim filters, monthly: the claims are sums over the facet cells. */
  cells: boolean;
}

function pathsOf(input: TrendsInput, countTables: boolean): Paths {
  const { interval, by: _by, format: _format, ...filters } = input;
  // A closed range too long for one answer is refused before anything is read.
  if (filters.from && filters.to) periodsOf({ ...filters, interval });
  const counted = countTables && trendCountsCover(filters);
  return { counted, cells: countTables && !counted && trendFacetCellsCover(filters, interval) };
}

/**
 * The claim and sentence rows of a trend (migrations trend_counts, trend_facet_counts; otherwise
 * the claims' facet columns are read). The sentences come from the counts either way (only
 * article filters apply to them).
 */
async function readRows(reader: AggregateReader, input: TrendsInput, { counted, cells }: Paths): Promise<TrendRows> {
  const { interval, by, format: _format, ...filters } = input;
  if (counted) {
    const rows = await reader.read<ClaimBucketRow & SentenceBucketRow>(countedBucketsQuery(filters, { interval, by }));
    return { claimRows: rows, sentenceRows: rows, top: by ? topGroups(rows) : null };
  }
  const [claimRows, sentenceRows] = await Promise.all([
    reader.read<ClaimBucketRow>(
      cells ? facetBucketsQuery(filters, { by }) : claimBucketsQuery(filters, { interval, by }),
    ),
    reader.read<SentenceBucketRow>(sentenceBucketsQuery(filters, { interval, by })),
  ]);
  return { claimRows, sentenceRows, top: by ? topGroups(claimRows) : null };
}

/**
 * The distinct sources behind a trend: anonymous sources with no stated reason per point, and the
 * policy checks. Whole months of a date range read the source months (migration source_months);
 * otherwise the pairs (a date range) or the claims (any other filter) — O(the pairs they select).
 */
async function readSourceFacts(
  reader: AggregateReader,
  { input, counted, top }: { input: TrendsInput; counted: boolean; top: string[] | null },
) {
  const { interval, by, format: _format, ...filters } = input;
  const options = { interval, by, top, limit: POLICY_LIST_LIMIT };
  const fromMonths = counted && countedAnonymousFactsCover({ filters, ...options });
  const [anonymous, single] = await Promise.all([
    fromMonths
      ? readCountedAnonymousFacts(reader, { filters, ...options })
      : reader
          .read<AnonymousFacts>(
            counted ? countedAnonymousFactsQuery(filters, options) : anonymousFactsQuery(filters, options),
            { hashJoins: true },
          )
          .then(([facts]) => facts),
    reader.read<SingleSourceRow>(findSingleSourceQuery(filters)),
  ]);
  return { anonymous, single };
}

/** The source months read waiting sources from their pairs, the cells appended rows: fold them now and then. */
function foldSoon({ counted, cells }: Paths) {
  if (counted || cells) compactFacetCountsSoon();
}

type SourceFacts = Awaited<ReturnType<typeof readSourceFacts>>;

/** The trends from their rows and their distinct sources: each point with its no-reason count, and the policy checks. */
function withSourceFacts(input: TrendsInput, rows: TrendRows, { anonymous, single }: SourceFacts) {
  const place = ({ level, period, group }: Omit<PointPlace, "level"> & { level: number }) =>
    `${level}\u0000${period ?? ""}\u0000${group ?? ""}`;
  const missing = new Map(anonymous.buckets.map((r) => [place(r), r.sources]));
  const withMissing = ({ bySourceType, byMode, ...counts }: TrendCountsPoint, at: PointPlace): TrendPoint => ({
    ...counts,
    anonymousWithoutReason: missing.get(place(at)) ?? 0,
    bySourceType,
    byMode,
  });
  return { ...assembleSeries(input, rows, withMissing), policy: policyChecks(anonymous, single) };
}

/**
 * The sourcing trends of the claims a filter selects: the series (at most TREND_GROUP_LIMIT groups
 * and OTHER_GROUP), each group's and the overall totals, the distinct sources with no stated
 * reason per point, and the policy checks — all from one read-only snapshot.
 * `countTables: false` reads the claims even where the counts would do (the tests compare the two;
 * the benchmark times both).
 */
export async function findTrends(input: TrendsInput, { countTables }: { countTables?: boolean } = {}) {
  const paths = pathsOf(input, countTables ?? true);
  if (paths.counted) await foldWaitingSourceMonthsSoon();
  const read = await readAggregates(async (reader) => {
    const rows = await readRows(reader, input, paths);
    return { rows, facts: await readSourceFacts(reader, { input, counted: paths.counted, top: rows.top }) };
  });
  foldSoon(paths);
  return withSourceFacts(input, read.rows, read.facts);
}
export type Trends = Awaited<ReturnType<typeof findTrends>>;

/**
 * findTrends in two parts, for a page that shows the series at once while the distinct sources
 * (seconds under a claim filter at 100k articles) are still being counted: `series`, the counts
 * alone (no distinct sources, no policy checks), and `trends`, the whole answer from the same rows
 * and the distinct sources read after them (in a second snapshot). The rows are read once.
 */
export async function findTrendsInParts(input: TrendsInput) {
  const paths = pathsOf(input, true);
  const rows = await readAggregates((reader) => readRows(reader, input, paths));
  const trends = (async () => {
    if (paths.counted) await foldWaitingSourceMonthsSoon();
    const facts = await readAggregates((reader) =>
      readSourceFacts(reader, { input, counted: paths.counted, top: rows.top }),
    );
    foldSoon(paths);
    return withSourceFacts(input, rows, facts);
  })();
  // Awaited by whoever shows it; a failure shows there, not as an unhandled rejection.
  trends.catch(() => undefined);
  return { series: assembleSeries(input, rows, (point) => point), trends };
}
export type TrendSeries = Awaited<ReturnType<typeof findTrendsInParts>>["series"];
