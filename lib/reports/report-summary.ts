import { ANONYMOUS_ONLY, articleCondition, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributionMode, SourceType } from "@/lib/generated/prisma/enums";
import { isAnonymousType, SOURCE_TYPES } from "@/lib/sources/source-types";
import { statedText } from "@/lib/text/stated-text";
import type { ReportSourceRef } from "./report-rows";
import { shareOf } from "./share";
import type { Snapshot } from "./snapshot";

const sql = Prisma.sql;

export interface ReportSource extends ReportSourceRef {
  /** Anonymous with no stated reason: a reviewer should ask why. */
  missingReason: boolean;
  claims: number;
  viaClaims: number;
  modes: Record<AttributionMode, number>;
}

interface SummaryRow {
  scope: { articles: number; statements: number; sentences: number; headings: number };
  claims: { claims: number; attributed: number; anonymous: number; second_hand: number };
  unsourced: number;
  by_type: { key: SourceType; claims: number; attributions: number }[] | null;
  by_mode: { key: AttributionMode; claims: number; attributions: number }[] | null;
  sources: SourceRow[] | null;
}

interface SourceRow {
  id: string;
  type: SourceType;
  name: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymity_reason: string | null;
  claims: number;
  via_claims: number;
  direct_quote: number;
  partial_quote: number;
  paraphrase: number;
}

/**
 * The whole summary as one statement: the matching claims (m) and their attributions with each
 * source's type (att) are read once, materialized, and every total, breakdown and per-source
 * count is an aggregate over them. Seven statements one after another read the claims and their
 * attributions five times over and paid seven plans and round trips: ~70 of the ~180 ms of a
 * 300-claim article's JSON report at 100k articles (docs/performance.md, round 6). (Exported for
 * the benchmark: the JSON report's head, timed apart.)
 */
export const summaryQuery = (f: ClaimFilters) => sql`
  WITH m AS MATERIALIZED (SELECT c.id, c."sourceTypeMask", c."secondHand" FROM "Claim" c WHERE ${claimCondition(f)}),
  att AS MATERIALIZED (
    SELECT a."claimId" AS claim_id, a."sourceId" AS source_id, a."viaSourceId" AS via_id, a.mode, s.type
    FROM m JOIN "Attribution" a ON a."claimId" = m.id JOIN "Source" s ON s.id = a."sourceId"),
  direct AS (
    SELECT source_id AS id, count(DISTINCT claim_id) AS claims,
      count(DISTINCT claim_id) FILTER (WHERE mode = 'direct_quote') AS direct_quote,
      count(DISTINCT claim_id) FILTER (WHERE mode = 'partial_quote') AS partial_quote,
      count(DISTINCT claim_id) FILTER (WHERE mode = 'paraphrase') AS paraphrase
    FROM att GROUP BY source_id),
  via AS (SELECT via_id AS id, count(DISTINCT claim_id) AS via_claims FROM att WHERE via_id IS NOT NULL GROUP BY via_id),
  used AS (
    SELECT coalesce(d.id, v.id) AS id, coalesce(d.claims, 0) AS claims, coalesce(v.via_claims, 0) AS via_claims,
      coalesce(d.direct_quote, 0) AS direct_quote, coalesce(d.partial_quote, 0) AS partial_quote, coalesce(d.paraphrase, 0) AS paraphrase
    FROM direct d FULL JOIN via v ON v.id = d.id)
  SELECT
    (SELECT json_build_object('articles', count(DISTINCT ar.id), 'statements', count(st.id),
        'sentences', count(st.id) FILTER (WHERE st.kind = 'sentence'), 'headings', count(st.id) FILTER (WHERE st.kind = 'heading'))
      FROM "Article" ar LEFT JOIN "Statement" st ON st."articleId" = ar.id WHERE ${articleCondition(f)}) AS scope,
    -- The claims' own facet columns say whether each is attributed, anonymous-only or second-hand.
    (SELECT json_build_object('claims', count(*), 'attributed', count(*) FILTER (WHERE c."sourceTypeMask" <> 0),
        'anonymous', count(*) FILTER (WHERE ${ANONYMOUS_ONLY}), 'second_hand', count(*) FILTER (WHERE c."secondHand"))
      FROM m c) AS claims,
    (SELECT CAST(count(*) AS int) FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f)}) AS unsourced,
    (SELECT json_agg(t) FROM (SELECT CAST(type AS text) AS key, count(DISTINCT claim_id) AS claims, count(*) AS attributions
      FROM att GROUP BY type) t) AS by_type,
    (SELECT json_agg(t) FROM (SELECT CAST(mode AS text) AS key, count(DISTINCT claim_id) AS claims, count(*) AS attributions
      FROM att GROUP BY mode) t) AS by_mode,
    (SELECT json_agg(t) FROM (SELECT s.id, CAST(s.type AS text) AS type, s.name, s.count, s.affiliation, s.role,
        s."anonymityReason" AS anonymity_reason, u.claims, u.via_claims, u.direct_quote, u.partial_quote, u.paraphrase
      FROM used u JOIN "Source" s ON s.id = u.id) t) AS sources`;

/** Totals, breakdowns and the per-source table of the claims a filter selects; the rows are streamed apart. */
export async function buildReportSummary(snapshot: Snapshot, f: ClaimFilters) {
  const [row] = await snapshot.rows<SummaryRow>(summaryQuery(f));
  const { scope, claims } = row;
  const sources = (row.sources ?? [])
    .map(presentSource)
    .sort((a, b) => b.claims - a.claims || b.viaClaims - a.viaClaims || a.name.localeCompare(b.name));
  const byType = row.by_type ?? [];
  const byMode = row.by_mode ?? [];
  const breakdown = <K extends string>(keys: readonly K[], rows: { key: K; claims: number; attributions: number }[]) =>
    keys.map((key) => ({ key, claims: 0, attributions: 0, ...rows.find((r) => r.key === key) }));
  return {
    totals: {
      articles: scope.articles,
      statements: scope.statements,
      sentences: scope.sentences,
      headings: scope.headings,
      claims: claims.claims,
      attributed: claims.attributed,
      unsourced: row.unsourced,
      attributions: byMode.reduce((sum, r) => sum + r.attributions, 0),
      sources: sources.length,
    },
    anonymousShare: shareOf(claims.anonymous, claims.claims),
    secondHandShare: shareOf(claims.second_hand, claims.claims),
    bySourceType: breakdown(SOURCE_TYPES, byType).map(({ key, ...counts }) => ({ type: key, ...counts })),
    byMode: breakdown(ATTRIBUTION_MODES, byMode).map(({ key, ...counts }) => ({ mode: key, ...counts })),
    sources,
    anonymousWithoutReason: sources.filter((s) => s.missingReason).length,
  };
}
export type ReportSummary = Awaited<ReturnType<typeof buildReportSummary>>;

/** Every source the matching claims rest on or came through (busiest first, sorted above). */
function presentSource(r: SourceRow): ReportSource {
  const anonymous = isAnonymousType(r.type);
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    count: r.count,
    affiliation: r.affiliation,
    role: r.role,
    anonymous,
    anonymityReason: r.anonymity_reason,
    missingReason: anonymous && !statedText(r.anonymity_reason),
    claims: r.claims,
    viaClaims: r.via_claims,
    modes: { direct_quote: r.direct_quote, partial_quote: r.partial_quote, paraphrase: r.paraphrase },
  };
}
