// The trends and diversity scenarios: GET /api/trends and GET /api/diversity through their route
// handlers, and each of the trends' queries alone through node-postgres (where the time goes).
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUTHORS, DESKS } from "./generate-workspace";
import { type Timing, time, timeMeasured } from "./measure";

interface TrendRow {
  name: string;
  api: Timing;
  sql?: Timing;
  note?: string;
  plan?: string;
}

type Call = (
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  method: string,
  opts?: { query?: Record<string, string> },
) => Promise<Buffer>;

/**
 * An archive generated before the generator gave articles a desk and an author: give them one,
 * derived from the id, so the breakdowns have something to group. Slow on a big archive: every
 * article moves desk, so every source's months are marked and the next fold refolds them all
 * (over 11 minutes at 10k articles; regenerate with --regenerate instead).
 */
async function assignDesks(client: pg.Client, log: (line: string) => void) {
  const { rowCount } = await client.query(
    `UPDATE "Article" SET desk = (ARRAY[${DESKS.map((d) => `'${d}'`).join(",")}])[1 + abs(hashtext(id::text)) % ${DESKS.length}],
       author = 'Reporter ' || (1 + abs(hashtext(id::text || 'a')) % ${AUTHORS})
     WHERE desk IS NULL`,
  );
  if (rowCount) {
    log(`[bench] trends: gave ${rowCount} articles a desk and an author`);
    await client.query(`VACUUM ANALYZE "Article"`);
  }
}

export async function runTrendScenarios(options: {
  client: pg.Client;
  call: Call;
  runs: number;
  add: (row: TrendRow) => void;
  log: (line: string) => void;
}) {
  const { client, call, runs, add, log } = options;
  await assignDesks(client, log);
  // The app folds the appended count rows after imports and reads (at most once a minute): measure
  // that steady state, not a freshly generated archive's unfolded rows.
  await client.query("SELECT sourcedesk_compact_facet_counts()");
  const trends = await import("@/app/api/trends/route");
  const diversity = await import("@/app/api/diversity/route");
  const threeYears = { from: "2023-01-01", to: "2025-12-31" };
  const cases: { name: string; query: Record<string, string>; handler: typeof trends.GET }[] = [
    { name: "trends: 3-year monthly series", query: threeYears, handler: trends.GET },
    { name: "trends: 3-year monthly, by outlet", query: { ...threeYears, by: "outlet" }, handler: trends.GET },
    { name: "trends: 3-year monthly, by desk", query: { ...threeYears, by: "desk" }, handler: trends.GET },
    {
      name: "trends: 3-year weekly, by author",
      query: { ...threeYears, interval: "week", by: "author" },
      handler: trends.GET,
    },
    {
      name: "trends: anonymous only, by desk",
      query: { ...threeYears, anonymous: "true", by: "desk" },
      handler: trends.GET,
    },
    { name: "diversity: 3-year monthly", query: threeYears, handler: diversity.GET },
  ];
  for (const c of cases) {
    let bytes = 0;
    const api = await time(async () => {
      bytes = (await call(c.handler, "GET", { query: c.query })).length;
    }, runs);
    add({ name: c.name, api, note: `${(bytes / 1024).toFixed(0)} kB JSON` });
  }

  // What /trends shows before the distinct sources stream in: the series from the counts alone
  // (each run's distinct sources are awaited untimed, so they never overlap the next run).
  const { trendsSchema } = await import("@/lib/trends/schema");
  const { findTrendsInParts } = await import("@/lib/trends/find-trends");
  for (const c of cases.filter((c) => c.handler === trends.GET)) {
    const input = trendsSchema.parse(c.query);
    let rest: Promise<unknown> = Promise.resolve();
    const api = await timeMeasured(async () => {
      await rest;
      const started = performance.now();
      const parts = await findTrendsInParts(input);
      rest = parts.trends;
      return performance.now() - started;
    }, runs);
    await rest;
    add({ name: `${c.name}: the page's series first (findTrendsInParts)`, api });
  }

  // Where the 3-year monthly series spends its time: each query alone, one after another.
  const { claimBucketsQuery, anonymousFactsQuery } = await import("@/lib/trends/trend-sql");
  const counted = await import("@/lib/trends/trend-counts-sql");
  const { facetBucketsQuery } = await import("@/lib/trends/trend-facet-sql");
  const input = trendsSchema.parse(threeYears);
  const { interval, by: _by, format: _f, ...filters } = input;
  const { findSingleSourceQuery } = await import("@/lib/trends/policy-checks");
  const { aggregateSettings } = await import("@/lib/trends/read-aggregate");
  const { sourceMonthCountsQuery } = await import("@/lib/trends/source-months-sql");
  const { policyListsQuery } = await import("@/lib/trends/counted-anonymous-facts");
  const { diversityMonthsQuery } = await import("@/lib/trends/diversity-months");
  const { countedDiversityQueries } = await import("@/lib/trends/diversity-sql");
  const anonymousOnly = { ...filters, anonymous: true };
  const parts: [string, Prisma.Sql, boolean][] = [
    ["claims and sentences per month (TrendCount)", counted.countedBucketsQuery(filters, { interval }), false],
    [
      "anonymous sources from the pairs (round 4's read, now for weeks and cut months)",
      counted.countedAnonymousFactsQuery(filters, { interval, limit: 50 }),
      true,
    ],
    [
      "source months: no reason and not recorded, per month and over the range (SourceMonthLink)",
      sourceMonthCountsQuery({ sets: [{ kinds: ["missing", "unrecorded"], dimensions: [""] }], ...filters }),
      false,
    ],
    [
      "source months by outlet (SourceMonthLink)",
      sourceMonthCountsQuery({
        sets: [
          { kinds: ["missing"], dimensions: ["outlet", ""] },
          { kinds: ["unrecorded"], dimensions: [""] },
        ],
        ...filters,
      }),
      false,
    ],
    ["policy lists (ArticleCounts.missingReason, identities)", policyListsQuery(filters, 50), false],
    ["diversity: people by gender and anonymous sources (SourceMonthLink)", diversityMonthsQuery(filters), false],
    ["diversity: the same from the pairs (round 4)", countedDiversityQueries(filters, interval).people, true],
    ["single-source articles (ArticleCounts)", findSingleSourceQuery(filters), false],
    // The claim-filtered path (here: anonymous only): the claim counts from the facet cells (and,
    // for comparison, the claim scan they replace); the anonymous sources still read the claims.
    ["anonymous only: claims per month (facet cells)", facetBucketsQuery(anonymousOnly, {}), false],
    ["anonymous only: claims per month by desk (facet cells)", facetBucketsQuery(anonymousOnly, { by: "desk" }), false],
    [
      "anonymous only: claims per month by author (facet cells)",
      facetBucketsQuery(anonymousOnly, { by: "author" }),
      false,
    ],
    ["anonymous only: claims per month (claim scan)", claimBucketsQuery(anonymousOnly, { interval }), false],
    [
      "anonymous only: sentences per month (TrendCount)",
      counted.sentenceBucketsQuery(anonymousOnly, { interval }),
      false,
    ],
    [
      "anonymous only: anonymous sources (claims' source lists)",
      anonymousFactsQuery(anonymousOnly, { interval, limit: 50 }),
      true,
    ],
    ["anonymous only: single-source articles", findSingleSourceQuery(anonymousOnly), false],
  ];
  // Each alone, in a transaction with the settings the app gives it.
  const inTransaction = async <T>(hashJoins: boolean, work: () => Promise<T>) => {
    await client.query("BEGIN");
    try {
      for (const statement of aggregateSettings(hashJoins)) await client.query(statement);
      return await work();
    } finally {
      await client.query("ROLLBACK");
    }
  };
  for (const [name, q, hashJoins] of parts) {
    const sql = await time(() => inTransaction(hashJoins, () => client.query(q.text, q.values)), runs);
    const plan = await inTransaction(hashJoins, async () =>
      (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values)).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n"),
    );
    add({ name: `trends SQL: ${name}`, api: sql, sql, plan });
  }
}
