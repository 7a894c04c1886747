import { compactFacetCountsSoon } from "@/lib/claims/compact-facet-counts";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import type { AttributionMode, SourceType } from "@/lib/generated/prisma/enums";
import { type Share, shareOf } from "@/lib/reports/share";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
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
  anonymousFactsQuery,
  type ClaimBucketRow,
  claimBucketsQuery,
  OTHER_GROUP,
  TREND_GROUP_LIMIT,
} from "./trend-sql";

interface SentenceBucketRow {
  period: string;
  group: string | null;
  sentences: number;
  unsourced: number;
}

export interface TrendPoint {
  period: string;
  group: string | null;
  claims: number;
  attributed: number;
  /** Of the attributed claims, those resting only on anonymous sources. */
  anonymousOnly: Share;
  /** Of the attributed claims, those where some attribution came through another source. */
  secondHand: Share;
  /** Of the sentences, those no attributed claim covers. */
  unsourcedSentences: Share;
  /** Distinct anonymous sources quoted with no stated reason for their anonymity. */
  anonymousWithoutReason: number;
  /** Claims with a source of each type (a claim with two types counts under both). */
  bySourceType: Record<SourceType, number>;
  /** Claims with an attribution in each mode. */
  byMode: Record<AttributionMode, number>;
}

interface Counts {
  claims: number;
  attributed: number;
  anonymousOnly: number;
  secondHand: number;
  sentences: number;
  unsourced: number;
  types: Record<SourceType, number>;
  modes: Record<AttributionMode, number>;
}
const zero = (): Counts => ({
  claims: 0,
  attributed: 0,
  anonymousOnly: 0,
  secondHand: 0,
  sentences: 0,
  unsourced: 0,
  types: Object.fromEntries(SOURCE_TYPES.map((t) => [t, 0])) as Record<SourceType, number>,
  modes: Object.fromEntries(ATTRIBUTION_MODES.map((m) => [m, 0])) as Record<AttributionMode, number>,
});

function addClaims(c: Counts, r: ClaimBucketRow) {
  c.claims += r.claims;
  c.attributed += r.attributed;
  c.anonymousOnly += r.anonymousOnly;
  c.secondHand += r.secondHand;
  for (const t of SOURCE_TYPES) c.types[t] += r[`type:${t}`] as number;
  for (const m of ATTRIBUTION_MODES) c.modes[m] += r[`mode:${m}`] as number;
}

/** A point of the series (or a total) from its counts and its distinct no-reason sources. */
const point = ({ period, group, c, missing }: { period: string; group: string | null; c: Counts; missing: number }) =>
  ({
    period,
    group,
    claims: c.claims,
    attributed: c.attributed,
    anonymousOnly: shareOf(c.anonymousOnly, c.attributed),
    secondHand: shareOf(c.secondHand, c.attributed),
    unsourcedSentences: shareOf(c.unsourced, c.sentences),
    anonymousWithoutReason: missing,
    bySourceType: c.types,
    byMode: c.modes,
  }) satisfies TrendPoint;

type BucketRow = ClaimBucketRow | SentenceBucketRow;

/**
 * The claim and sentence rows of a trend. When every filter is one the count tables hold (a date
 * range), they are sums over TrendCount's cells (migration trend_counts); under the explorer's
 * low-cardinality claim filters, monthly, the claims are sums over the facet cells (migration
 * trend_facet_counts); otherwise the claims are read (their facet columns). The sentences come
 * from the counts either way (only article filters apply to them).
 */
async function bucketRows(
  reader: AggregateReader,
  { input, counted, cells }: { input: TrendsInput; counted: boolean; cells: boolean },
) {
  const { interval, by, format: _format, ...filters } = input;
  if (counted) {
    const rows = await reader.read<ClaimBucketRow & SentenceBucketRow>(countedBucketsQuery(filters, { interval, by }));
    return { claimRows: rows as ClaimBucketRow[], sentenceRows: rows as SentenceBucketRow[] };
  }
  const [claimRows, sentenceRows] = await Promise.all([
    reader.read<ClaimBucketRow>(
      cells ? facetBucketsQuery(filters, { by }) : claimBucketsQuery(filters, { interval, by }),
    ),
    reader.read<SentenceBucketRow>(sentenceBucketsQuery(filters, { interval, by })),
  ]);
  return { claimRows, sentenceRows };
}

/**
 * The groups kept apart, busiest first (by claims), when there are more than TREND_GROUP_LIMIT;
 * null when all fit. "No value" (null) is always its own group.
 */
function topGroups(claimRows: ClaimBucketRow[]): string[] | null {
  const claims = new Map<string, number>();
  for (const r of claimRows) if (r.group !== null) claims.set(r.group, (claims.get(r.group) ?? 0) + r.claims);
  if (claims.size <= TREND_GROUP_LIMIT) return null;
  return [...claims.entries()]
    .filter(([g]) => g !== OTHER_GROUP)
    .sort(([ga, a], [gb, b]) => b - a || ga.localeCompare(gb))
    .slice(0, TREND_GROUP_LIMIT)
    .map(([g]) => g);
}

/** Rows with their group folded into OTHER_GROUP past `top` (the sums then add up per folded group). */
function foldGroups<R extends BucketRow>(rows: R[], top: string[] | null): R[] {
  if (!top) return rows;
  const kept = new Set(top);
  return rows.map((r) => (r.group === null || kept.has(r.group) ? r : { ...r, group: OTHER_GROUP }));
}

/**
 * The sourcing trends of the claims a filter selects: one point per period and group (every
 * period in the range, empty ones at zero; at most TREND_GROUP_LIMIT groups and OTHER_GROUP), each
 * group's and the overall totals, and the policy checks — all from one read-only snapshot.
 * `countTables: false` reads the claims even where the counts would do (the tests compare the two;
 * the benchmark times both).
 */
export async function findTrends(input: TrendsInput, { countTables }: { countTables?: boolean } = {}) {
  const { interval, by, format: _format, ...filters } = input;
  // A closed range too long for one answer is refused before anything is read.
  if (filters.from && filters.to) periodsOf({ ...filters, interval });
  const tables = countTables ?? true;
  const counted = tables && trendCountsCover(filters);
  const facetCells = tables && !counted && trendFacetCellsCover(filters, interval);
  if (counted) await foldWaitingSourceMonthsSoon();
  const read = await readAggregates(async (reader) => {
    const rows = await bucketRows(reader, { input, counted, cells: facetCells });
    const top = by ? topGroups(rows.claimRows) : null;
    const options = { interval, by, top, limit: POLICY_LIST_LIMIT };
    // Whole months of a date range: the source months (migration source_months); otherwise the
    // pairs (a date range) or the claims (any other filter).
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
    return { ...rows, top, anonymous, single };
  });
  // The source months read waiting sources from their pairs, the cells appended rows: fold them now and then.
  if (counted || facetCells) compactFacetCountsSoon();
  const claimRows = foldGroups(read.claimRows, read.top);
  const sentenceRows = foldGroups(read.sentenceRows, read.top);
  const { anonymous, single } = read;
  const missingRows = anonymous.buckets;
  const key = (period: string, group: string | null) => `${period}\u0000${group ?? ""}`;
  const cells = new Map<string, Counts>();
  const groupTotals = new Map<string | null, Counts>();
  const counts = <K>(map: Map<K, Counts>, k: K) => {
    if (!map.has(k)) map.set(k, zero());
    return map.get(k)!;
  };
  const cell = (period: string, group: string | null) => counts(cells, key(period, group));
  const groupCell = (group: string | null) => counts(groupTotals, group);
  const overall = zero();
  for (const r of claimRows) {
    for (const c of [cell(r.period, r.group), groupCell(r.group), overall]) addClaims(c, r);
  }
  for (const r of sentenceRows) {
    for (const c of [cell(r.period, r.group), groupCell(r.group), overall]) {
      c.sentences += r.sentences;
      c.unsourced += r.unsourced;
    }
  }
  const missingBy = new Map(
    missingRows.map((r) => [`${r.level}\u0000${r.period ?? ""}\u0000${r.group ?? ""}`, r.sources]),
  );
  const missing = (level: number, period: string | null, group: string | null) =>
    missingBy.get(`${level}\u0000${period ?? ""}\u0000${group ?? ""}`) ?? 0;

  const seen = [...claimRows, ...sentenceRows].map((r) => r.period);
  const periods = periodsOf({ ...filters, interval, seen });
  // Busiest first, the folded groups after them, "no value" (no outlet, author or desk) last.
  const rank = (g: string | null) => (g === null ? 2 : read.top && g === OTHER_GROUP ? 1 : 0);
  const groups = [...groupTotals.entries()]
    .sort(([ga, a], [gb, b]) => rank(ga) - rank(gb) || b.claims - a.claims || String(ga).localeCompare(String(gb)))
    .map(([g]) => g);
  if (!groups.length) groups.push(null);
  return {
    interval,
    by: by ?? null,
    periods,
    groups,
    /** How many groups OTHER_GROUP holds (0: every group is listed). */
    otherGroups: read.top
      ? new Set(read.claimRows.map((r) => r.group).filter((g) => g !== null)).size - read.top.length
      : 0,
    series: groups.flatMap((group) =>
      periods.map((period) =>
        point({ period, group, c: cells.get(key(period, group)) ?? zero(), missing: missing(0, period, group) }),
      ),
    ),
    totals: {
      groups: groups.map((group) => ({
        ...point({ period: "", group, c: groupTotals.get(group) ?? zero(), missing: missing(2, null, group) }),
        period: null,
      })),
      overall: { ...point({ period: "", group: null, c: overall, missing: missing(3, null, null) }), period: null },
    },
    policy: policyChecks(anonymous, single),
  };
}
export type Trends = Awaited<ReturnType<typeof findTrends>>;
