import { ANONYMOUS_ONLY, articleCondition, claimCondition, unsourcedCondition } from "@/lib/claims/filter-sql";
import { ATTRIBUTION_MODES, type ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributionMode, SourceType } from "@/lib/generated/prisma/enums";
import { isAnonymousType, SOURCE_TYPES } from "@/lib/sources/source-types";
import { statedText } from "@/lib/text/stated-text";
import { shareOf } from "./share";
import type { Snapshot } from "./snapshot";

const sql = Prisma.sql;

export interface ReportSource {
  id: string;
  type: SourceType;
  name: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymous: boolean;
  anonymityReason: string | null;
  /** Anonymous with no stated reason: a reviewer should ask why. */
  missingReason: boolean;
  claims: number;
  viaClaims: number;
  modes: Record<AttributionMode, number>;
}

/** Matching claims as a CTE named m, so every aggregate below counts the same set. */
const matching = (f: ClaimFilters) => sql`WITH m AS (SELECT c.id FROM "Claim" c WHERE ${claimCondition(f)})`;

/** Totals, breakdowns and the per-source table of the claims a filter selects; the rows are streamed apart. */
export async function buildReportSummary(snapshot: Snapshot, f: ClaimFilters) {
  const [scope] = await snapshot.rows<{
    articles: number;
    statements: number;
    sentences: number;
    headings: number;
  }>(sql`
    SELECT CAST(count(DISTINCT ar.id) AS int) AS articles, CAST(count(st.id) AS int) AS statements,
      CAST(count(st.id) FILTER (WHERE st.kind = 'sentence') AS int) AS sentences,
      CAST(count(st.id) FILTER (WHERE st.kind = 'heading') AS int) AS headings
    FROM "Article" ar LEFT JOIN "Statement" st ON st."articleId" = ar.id WHERE ${articleCondition(f)}`);
  // The claims' own facet columns say whether each is attributed, anonymous-only or second-hand.
  const [claims] = await snapshot.rows<{
    claims: number;
    attributed: number;
    anonymous: number;
    second_hand: number;
  }>(sql`
    SELECT CAST(count(*) AS int) AS claims, CAST(count(*) FILTER (WHERE c."sourceTypeMask" <> 0) AS int) AS attributed,
      CAST(count(*) FILTER (WHERE ${ANONYMOUS_ONLY}) AS int) AS anonymous,
      CAST(count(*) FILTER (WHERE c."secondHand") AS int) AS second_hand
    FROM "Claim" c WHERE ${claimCondition(f)}`);
  const [unsourced] = await snapshot.rows<{ n: number }>(sql`
    SELECT CAST(count(*) AS int) AS n FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId" WHERE ${unsourcedCondition(f)}`);
  const byType = await snapshot.rows<{ key: SourceType; claims: number; attributions: number }>(sql`${matching(f)}
    SELECT CAST(s.type AS text) AS key, CAST(count(DISTINCT a."claimId") AS int) AS claims, CAST(count(*) AS int) AS attributions
    FROM m JOIN "Attribution" a ON a."claimId" = m.id JOIN "Source" s ON s.id = a."sourceId" GROUP BY s.type`);
  const byMode = await snapshot.rows<{ key: AttributionMode; claims: number; attributions: number }>(sql`${matching(f)}
    SELECT CAST(a.mode AS text) AS key, CAST(count(DISTINCT a."claimId") AS int) AS claims, CAST(count(*) AS int) AS attributions
    FROM m JOIN "Attribution" a ON a."claimId" = m.id GROUP BY a.mode`);
  const sources = await findReportSources(snapshot, f);
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
      unsourced: unsourced.n,
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

interface SourceRow {
  id: string;
  type: SourceType;
  name: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymity_reason: string | null;
  mode: AttributionMode | "via";
  claims: number;
}

/** Every source the matching claims rest on or came through, busiest first. */
async function findReportSources(snapshot: Snapshot, f: ClaimFilters): Promise<ReportSource[]> {
  const rows = await snapshot.rows<SourceRow>(sql`${matching(f)}, used AS (
      SELECT a."sourceId" AS source_id, CAST(a.mode AS text) AS mode, a."claimId" AS claim_id FROM m JOIN "Attribution" a ON a."claimId" = m.id
      UNION ALL
      SELECT a."viaSourceId", 'via', a."claimId" FROM m JOIN "Attribution" a ON a."claimId" = m.id WHERE a."viaSourceId" IS NOT NULL)
    SELECT s.id, CAST(s.type AS text) AS type, s.name, s.count, s.affiliation, s.role, s."anonymityReason" AS anonymity_reason,
      used.mode, CAST(count(DISTINCT used.claim_id) AS int) AS claims
    FROM used JOIN "Source" s ON s.id = used.source_id
    GROUP BY s.id, used.mode`);
  const byId = new Map<string, ReportSource>();
  for (const r of rows) {
    let source = byId.get(r.id);
    if (!source) {
      const anonymous = isAnonymousType(r.type);
      source = {
        id: r.id,
        type: r.type,
        name: r.name,
        count: r.count,
        affiliation: r.affiliation,
        role: r.role,
        anonymous,
        anonymityReason: r.anonymity_reason,
        missingReason: anonymous && !statedText(r.anonymity_reason),
        claims: 0,
        viaClaims: 0,
        modes: { direct_quote: 0, partial_quote: 0, paraphrase: 0 },
      };
      byId.set(r.id, source);
    }
    if (r.mode === "via") source.viaClaims = r.claims;
    else source.modes[r.mode] = r.claims;
  }
  const distinctClaims = await snapshot.rows<{ id: string; claims: number }>(sql`${matching(f)}
    SELECT a."sourceId" AS id, CAST(count(DISTINCT a."claimId") AS int) AS claims FROM m JOIN "Attribution" a ON a."claimId" = m.id GROUP BY a."sourceId"`);
  for (const r of distinctClaims) byId.get(r.id)!.claims = r.claims;
  return [...byId.values()].sort(
    (a, b) => b.claims - a.claims || b.viaClaims - a.viaClaims || a.name.localeCompare(b.name),
  );
}
