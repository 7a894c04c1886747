import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_SCAN, facetCountsQueries, findClaimFacets, unsourcedCountQuery } from "@/lib/claims/claim-facets";
import { splitRange } from "@/lib/claims/facet-count-tables";
import { unsourcedCondition } from "@/lib/claims/filter-sql";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type BulkAttribution, type BulkClaim, writeBatch } from "@/lib/import/write-batch";
import { importPool } from "@/lib/pg-pool";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { segmentText } from "@/lib/statements/segment-text";
import { makeRng } from "../../scripts/bench/synthetic-text";
import { compactCountsNow, makeUser, unique } from "./helpers";

/**
 * The facet counts read from ClaimFacetCount / ClaimAffiliationCount (plus the claims at a date
 * range's partial-month edges) must equal counting the claims themselves, under every combination
 * of the filters the tables are keyed by.
 */
const MODES = ["direct_quote", "partial_quote", "paraphrase"];
const REVIEW = ["pending", "approved", "flagged"];
/** This file's own claims (other files write to the same database meanwhile). */
const claimIds: string[] = [];

beforeAll(async () => {
  const editor = await makeUser("editor");
  const tag = unique("counts");
  const sources = await Promise.all(
    SOURCE_TYPES.map((type, i) =>
      db().source.create({
        data: {
          type,
          name: `${tag} source ${i}`,
          uniqueKey: type.startsWith("anonymous") ? null : `${type}:${tag} source ${i}`,
          affiliation: i % 2 ? `${tag} Ministry` : i % 3 ? `${tag} Council` : null,
        },
      }),
    ),
  );
  // 60 articles over 2023-2024 on every day of the month, with every mix of types, modes, vias and reviews.
  const rng = makeRng(7);
  const rnd = (n: number) => Math.floor(rng() * n);
  const body = "One claim here. Two claim here. Three claim here. Four claim here. The end here.";
  const articles = [];
  const claims: BulkClaim[] = [];
  const attributions: BulkAttribution[] = [];
  for (let a = 0; a < 60; a++) {
    const id = randomUUID();
    const date = new Date(Date.UTC(2023, rnd(24), 1 + rnd(28)));
    articles.push({
      id,
      title: `${tag} ${a}`,
      body,
      language: "en",
      outlet: null,
      url: null,
      externalId: null,
      publishedAt: date,
      statements: segmentText(body),
    });
    for (let c = 0; c < 4; c++) {
      const claimId = randomUUID();
      claimIds.push(claimId);
      claims.push({
        id: claimId,
        articleId: id,
        start: c * 16,
        end: c * 16 + 10,
        text: body.slice(c * 16, c * 16 + 10),
        prefix: "",
        suffix: "",
        reviewStatus: REVIEW[rnd(3)],
        createdAt: date,
      });
      for (let k = rnd(3); k > 0; k--) {
        const sourceId = sources[rnd(sources.length)].id;
        // Never a source reaching the article through itself: the app refuses it, and the workspace
        // export that may share this database checks it.
        const via = rnd(4) === 0 && sourceId !== sources[2].id ? sources[2].id : null;
        attributions.push({
          id: randomUUID(),
          claimId,
          sourceId,
          mode: MODES[rnd(3)],
          cueStart: null,
          cueEnd: null,
          mentionStart: null,
          mentionEnd: null,
          viaSourceId: via,
          createdAt: date,
        });
      }
    }
  }
  const client = await importPool().connect();
  try {
    await client.query("BEGIN");
    await writeBatch(client, { articles, claims, attributions }, { actorId: editor.id });
    await client.query("COMMIT");
  } finally {
    client.release();
  }
});

const COMBINATIONS: Record<string, string | string[]>[] = [
  {},
  { anonymous: "true" },
  { anonymous: "false", mode: "paraphrase" },
  { sourceType: ["person", "anonymous_group"], reviewStatus: ["pending", "flagged"] },
  { via: "true" },
  { via: "false", mode: ["direct_quote", "partial_quote"], reviewStatus: "approved" },
  { from: "2023-03-01", to: "2023-05-31" }, // whole months only
  { from: "2023-03-15", to: "2024-02-10" }, // partial months at both edges
  { from: "2024-07-04", to: "2024-07-20" }, // inside one month
  { from: "2024-02-29" },
  { to: "2023-01-31" },
  { anonymous: "true", via: "false", sourceType: "anonymous_individual", from: "2023-06-02", to: "2024-11-30" },
];

describe("facet counts from the count tables", () => {
  it.each(COMBINATIONS.map((c) => [JSON.stringify(c), c] as const))(
    "equal counting the claims: %s",
    async (_, combination) => {
      const f = claimFiltersSchema.parse(combination);
      const tables = facetCountsQueries(f);
      const scan = facetCountsQueries(f, { tables: false });
      expect(tables.fromTables).toBe(true);
      const run = (q: typeof tables.closed) => db().$queryRaw<Record<string, unknown>[]>(q);
      expect(await run(tables.closed)).toEqual(await run(scan.closed));
      const [closed] = await run(scan.closed);
      expect(closed.total).toBeGreaterThan(0);
      expect(await run(tables.affiliations)).toEqual(await run(scan.affiliations));
      // The unsourced count from the trend counts (TrendCount, ArticleCounts), against testing every statement.
      const [fromTable] = await db().$queryRaw<{ n: number }[]>(unsourcedCountQuery(f, "unsourced"));
      const [fromScan] = await db().$queryRaw<{ n: number }[]>(Prisma.sql`
        SELECT CAST(count(*) AS int) AS n FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId"
        WHERE ${unsourcedCondition(f, "unsourced")}`);
      expect(fromTable.n).toBe(fromScan.n);
    },
  );

  it("split a date range into whole months and edge days", () => {
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(0, 10));
    const show = (r: ReturnType<typeof splitRange>) => ({
      months: r.months && [iso(r.months.from), iso(r.months.to)],
      edges: r.edges.map((e) => [iso(e.from), iso(e.to)]),
    });
    expect(show(splitRange("2024-01-15", "2024-03-31"))).toEqual({
      months: ["2024-02-01", "2024-04-01"],
      edges: [["2024-01-15", "2024-02-01"]],
    });
    expect(show(splitRange("2024-01-01", "2024-01-20"))).toEqual({
      months: null,
      edges: [["2024-01-01", "2024-01-21"]],
    });
    expect(show(splitRange(undefined, "2024-12-30"))).toEqual({
      months: [null, "2024-12-01"],
      edges: [["2024-12-01", "2024-12-31"]],
    });
    expect(show(splitRange())).toEqual({ months: [null, null], edges: [] });
  });

  it("fall back to scanning the claims for search, articles and affiliations", () => {
    for (const f of [{ q: "claim" }, { affiliation: "x" }, { articleId: randomUUID() }, { unsourced: "true" }])
      expect(facetCountsQueries(claimFiltersSchema.parse(f)).fromTables).toBe(false);
  });
});

/** Queries run in one snapshot, so writes of other test files in between cannot make them differ. */
const inSnapshot = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) =>
  db().$transaction(work, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });

describe("the articles facet from ArticleCounts", () => {
  const EXACT: Record<string, string | string[]>[] = [
    {},
    { anonymous: "true", from: "2023-01-01" },
    { anonymous: "false", to: "2024-12-31" },
    { via: "true", from: "2023-03-15", to: "2024-02-10" },
    { via: "false", from: "2023-05-01", to: "2024-05-31" },
    { sourceType: "person", from: "2024-02-29" },
    { mode: "paraphrase", to: "2023-06-30" },
    { from: "2024-07-04", to: "2024-07-20" },
  ];
  it.each(EXACT.map((c) => [JSON.stringify(c), c] as const))(
    "is exact, equal to counting the claims: %s",
    async (_, combination) => {
      const f = claimFiltersSchema.parse(combination);
      const tables = facetCountsQueries(f);
      expect(tables.articlesExact).toBe(true);
      const scan = facetCountsQueries(f, { tables: false });
      const [fromCounts, fromClaims] = await inSnapshot(async (tx) => [
        await tx.$queryRaw<{ value: string; count: number }[]>(tables.articles),
        await tx.$queryRaw<{ value: string; count: number }[]>(scan.articles),
      ]);
      expect(fromClaims.length).toBeGreaterThan(0);
      expect(fromCounts).toEqual(fromClaims);
    },
  );

  it("ranks a window of the newest claims, and says so, when ArticleCounts cannot tell the claims apart", async () => {
    for (const c of [
      { anonymous: "true" }, // undated: the walk stops sooner than a pass over every article's row
      { reviewStatus: "approved", from: "2023-01-01" },
      { sourceType: ["person", "document"] },
      { mode: ["direct_quote", "paraphrase"] },
      { anonymous: "true", via: "true" },
    ])
      expect(facetCountsQueries(claimFiltersSchema.parse(c)).articlesExact).toBe(false);
    expect((await findClaimFacets(claimFiltersSchema.parse({}))).articleWindow).toBeNull();
    expect((await findClaimFacets(claimFiltersSchema.parse({ reviewStatus: "flagged" }))).articleWindow).toBe(
      ARTICLE_SCAN,
    );
  });
});

describe("the monthly affiliation counts under a date range", () => {
  it("can be read from an index alone (migration affiliation_month_keys)", async () => {
    const q = facetCountsQueries(claimFiltersSchema.parse({ via: "true", from: "2023-03-15", to: "2024-02-10" }));
    // A test database's tables are small enough for a sequential scan: ask for the index path.
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (COSTS OFF) ${q.affiliations.text}`,
        ...q.affiliations.values,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain('Index Only Scan using "ClaimAffiliationCount_month_keys_idx"');
  });
});

describe("the month-less affiliation totals (ClaimAffiliationTotal)", () => {
  const keys = Prisma.raw(
    `affiliation, "sourceTypeMask", "modeMask", CAST("reviewStatus" AS text) AS review, "secondHand"`,
  );
  const summed = (table: string) => Prisma.sql`
    SELECT ${keys}, CAST(sum(n) AS int) AS n FROM ${Prisma.raw(`"${table}"`)}
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`;
  const expectEqualTables = async () => {
    const [totals, monthly] = await inSnapshot(async (tx) => [
      await tx.$queryRaw<unknown[]>(summed("ClaimAffiliationTotal")),
      await tx.$queryRaw<unknown[]>(summed("ClaimAffiliationCount")),
    ]);
    expect(monthly.length).toBeGreaterThan(0);
    expect(totals).toEqual(monthly);
  };

  it("equal the monthly counts summed, through bulk writes, edits, deletes and compaction", async () => {
    await expectEqualTables(); // after the bulk batch of beforeAll, which writes both tables itself
    await db()
      .$executeRaw`UPDATE "Claim" SET "reviewStatus" = 'flagged' WHERE id = ANY(CAST(${claimIds.slice(0, 40)} AS uuid[]))`;
    await expectEqualTables();
    await db().$executeRaw`DELETE FROM "Attribution" WHERE "claimId" = ANY(CAST(${claimIds.slice(40, 60)} AS uuid[]))`;
    await db().$executeRaw`DELETE FROM "Claim" WHERE id = ANY(CAST(${claimIds.slice(60, 80)} AS uuid[]))`;
    await expectEqualTables();
    await compactCountsNow();
    await expectEqualTables();
    // Folded: one row per key (a concurrent writer of another file may have appended since).
    const [{ rows, keys: distinct }] = await db().$queryRaw<{ rows: number; keys: number }[]>`
      SELECT CAST(count(*) AS int) AS rows, CAST(count(DISTINCT (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand")) AS int) AS keys
      FROM "ClaimAffiliationTotal"`;
    expect(rows - distinct).toBeLessThan(rows / 2);
  });
});
