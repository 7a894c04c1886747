import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import type { AttributionMode, SourceType } from "@/lib/generated/prisma/enums";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { periodStart, periodsBetween } from "./periods";
import { findSingleSourceArticles, POLICY_LIST_LIMIT, policyChecks } from "./policy-checks";
import { readAggregate } from "./read-aggregate";
import type { TrendsInput } from "./schema";
import {
  type AnonymousFacts,
  anonymousFactsQuery,
  type ClaimBucketRow,
  claimBucketsQuery,
  type SentenceBucketRow,
  sentenceBucketsQuery,
} from "./trend-sql";

/** `{count, of, share}`: share is null when there is nothing to divide by. */
export interface Share {
  count: number;
  of: number;
  share: number | null;
}
const share = (count: number, of: number): Share => ({ count, of, share: of ? count / of : null });

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

const point = (period: string, group: string | null, c: Counts, missing: number): TrendPoint => ({
  period,
  group,
  claims: c.claims,
  attributed: c.attributed,
  anonymousOnly: share(c.anonymousOnly, c.attributed),
  secondHand: share(c.secondHand, c.attributed),
  unsourcedSentences: share(c.unsourced, c.sentences),
  anonymousWithoutReason: missing,
  bySourceType: c.types,
  byMode: c.modes,
});

/**
 * The sourcing trends of the claims a filter selects: one point per period and group (every
 * period in the range, empty ones at zero), each group's and the overall totals, and the policy
 * checks. Four independent queries run in parallel on the pool.
 */
export async function findTrends(input: TrendsInput) {
  const { interval, by, format: _format, ...filters } = input;
  const [claimRows, sentenceRows, [anonymous], single] = await Promise.all([
    readAggregate<ClaimBucketRow[]>(claimBucketsQuery(filters, interval, by)),
    readAggregate<SentenceBucketRow[]>(sentenceBucketsQuery(filters, interval, by)),
    readAggregate<AnonymousFacts[]>(anonymousFactsQuery(filters, { interval, by, limit: POLICY_LIST_LIMIT }), {
      hashJoins: true,
    }),
    findSingleSourceArticles(filters),
  ]);
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

  const seen = [...claimRows, ...sentenceRows].map((r) => r.period).sort();
  const first = filters.from ? periodStart(new Date(`${filters.from}T00:00:00Z`), interval) : seen[0];
  const last = filters.to ? periodStart(new Date(`${filters.to}T00:00:00Z`), interval) : seen.at(-1);
  const periods = first && last ? periodsBetween(first, last, interval) : [];
  // Busiest first; "no value" (an article without an outlet, author or desk) last.
  const groups = [...groupTotals.entries()]
    .sort(
      ([ga, a], [gb, b]) =>
        Number(ga === null) - Number(gb === null) || b.claims - a.claims || String(ga).localeCompare(String(gb)),
    )
    .map(([g]) => g);
  if (!groups.length) groups.push(null);
  return {
    interval,
    by: by ?? null,
    periods,
    groups,
    series: groups.flatMap((g) => periods.map((p) => point(p, g, cells.get(key(p, g)) ?? zero(), missing(0, p, g)))),
    totals: {
      groups: groups.map((g) => ({ ...point("", g, groupTotals.get(g) ?? zero(), missing(2, null, g)), period: null })),
      overall: { ...point("", null, overall, missing(3, null, null)), period: null },
    },
    policy: policyChecks(anonymous, single),
  };
}
export type Trends = Awaited<ReturnType<typeof findTrends>>;
