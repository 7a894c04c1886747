import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import type { AttributionMode, SourceType } from "@/lib/generated/prisma/enums";
import { type Share, shareOf } from "@/lib/reports/share";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { periodsOf } from "./periods";
import type { TrendsInput } from "./schema";
import { type ClaimBucketRow, OTHER_GROUP, TREND_GROUP_LIMIT } from "./trend-sql";

/**
 * A trend's series from its claim and sentence rows: one point per period and group (every period
 * in the range, empty ones at zero), each group's and the overall totals. What each point adds
 * beyond the counts (the distinct sources of find-trends.ts) comes from `extend`.
 */

export interface SentenceBucketRow {
  period: string;
  group: string | null;
  sentences: number;
  unsourced: number;
}

/** A point of the series from the counts alone: sums of the claim and sentence rows. */
export interface TrendCountsPoint {
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
  /** Claims with a source of each type (a claim with two types counts under both). */
  bySourceType: Record<SourceType, number>;
  /** Claims with an attribution in each mode. */
  byMode: Record<AttributionMode, number>;
}

/** Where a point sits: GROUPING level 0 per period and group, 2 a group's total, 3 the overall one. */
export interface PointPlace {
  level: 0 | 2 | 3;
  period: string | null;
  group: string | null;
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

const countsPoint = (period: string, group: string | null, c: Counts): TrendCountsPoint => ({
  period,
  group,
  claims: c.claims,
  attributed: c.attributed,
  anonymousOnly: shareOf(c.anonymousOnly, c.attributed),
  secondHand: shareOf(c.secondHand, c.attributed),
  unsourcedSentences: shareOf(c.unsourced, c.sentences),
  bySourceType: c.types,
  byMode: c.modes,
});

/**
 * The groups kept apart, busiest first (by claims), when there are more than TREND_GROUP_LIMIT;
 * null when all fit. "No value" (null) is always its own group.
 */
export function topGroups(claimRows: ClaimBucketRow[]): string[] | null {
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
function foldGroups<R extends { group: string | null }>(rows: R[], top: string[] | null): R[] {
  if (!top) return rows;
  const kept = new Set(top);
  return rows.map((r) => (r.group === null || kept.has(r.group) ? r : { ...r, group: OTHER_GROUP }));
}

export interface TrendRows {
  claimRows: ClaimBucketRow[];
  sentenceRows: SentenceBucketRow[];
  /** topGroups of the claim rows. */
  top: string[] | null;
}

export function assembleSeries<P>(
  input: TrendsInput,
  rows: TrendRows,
  extend: (point: TrendCountsPoint, place: PointPlace) => P,
) {
  const { interval, by, format: _format, ...filters } = input;
  const claimRows = foldGroups(rows.claimRows, rows.top);
  const sentenceRows = foldGroups(rows.sentenceRows, rows.top);
  const key = (period: string, group: string | null) => `${period}\u0000${group ?? ""}`;
  const cells = new Map<string, Counts>();
  const groupTotals = new Map<string | null, Counts>();
  const counts = <K>(map: Map<K, Counts>, k: K) => {
    if (!map.has(k)) map.set(k, zero());
    return map.get(k)!;
  };
  const overall = zero();
  const targets = (r: { period: string; group: string | null }) => [
    counts(cells, key(r.period, r.group)),
    counts(groupTotals, r.group),
    overall,
  ];
  for (const r of claimRows) for (const c of targets(r)) addClaims(c, r);
  for (const r of sentenceRows) {
    for (const c of targets(r)) {
      c.sentences += r.sentences;
      c.unsourced += r.unsourced;
    }
  }
  const seen = [...claimRows, ...sentenceRows].map((r) => r.period);
  const periods = periodsOf({ ...filters, interval, seen });
  // Busiest first, the folded groups after them, "no value" (no outlet, author or desk) last.
  const rank = (g: string | null) => (g === null ? 2 : rows.top && g === OTHER_GROUP ? 1 : 0);
  const groups = [...groupTotals.entries()]
    .sort(([ga, a], [gb, b]) => rank(ga) - rank(gb) || b.claims - a.claims || String(ga).localeCompare(String(gb)))
    .map(([g]) => g);
  if (!groups.length) groups.push(null);
  // A total's period is null (its points' are "YYYY-MM-DD").
  const total = (group: string | null, c: Counts, level: 2 | 3): Omit<P, "period"> & { period: null } =>
    Object.assign(extend(countsPoint("", group, c), { level, period: null, group }) as Omit<P, "period">, {
      period: null,
    });
  return {
    interval,
    by: by ?? null,
    periods,
    groups,
    /** How many groups OTHER_GROUP holds (0: every group is listed). */
    otherGroups: rows.top
      ? new Set(rows.claimRows.map((r) => r.group).filter((g) => g !== null)).size - rows.top.length
      : 0,
    series: groups.flatMap((group) =>
      periods.map((period) =>
        extend(countsPoint(period, group, cells.get(key(period, group)) ?? zero()), { level: 0, period, group }),
      ),
    ),
    totals: {
      groups: groups.map((group) => total(group, groupTotals.get(group) ?? zero(), 2)),
      overall: total(null, overall, 3),
    },
  };
}
