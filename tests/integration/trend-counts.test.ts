import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as attributions from "@/app/api/attributions/route";
import * as source from "@/app/api/sources/[id]/route";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/import/write-batch";
import { importPool } from "@/lib/pg-pool";
import { segmentText } from "@/lib/statements/segment-text";
import { findDiversity } from "@/lib/trends/find-diversity";
import { findTrends } from "@/lib/trends/find-trends";
import { diversitySchema, trendsSchema } from "@/lib/trends/schema";
import { newSource, seedStory } from "./fixtures/story-seed";
import { call, makeUser, type TestUser, unique } from "./helpers";
import { expectTrendCountsTrue } from "./trend-counts-check";

/**
 * The trend counts (ArticleCounts, ArticleSourceCount, TrendCount, TrendFacetCount, Claim's source
 * lists) stay exact through every write that moves them — checked against a recount from the rows
 * after each — and the trends read from them equal the trends read from the claims, with and
 * without the claim filters the facet cells hold.
 */
let editor: TestUser;
const RANGE = { from: "1911-01-01", to: "1911-12-31" };
const ids: Record<string, string> = {};
const stories: Record<string, { article: { id: string; version: number }; claimIds: string[] }> = {};

async function ok(handler: Parameters<typeof call>[0], method: string, options: Parameters<typeof call>[2]) {
  const { status, json } = await call(handler, method, { user: editor, ...options });
  expect(status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

/**
 * Both read paths, for every interval and breakdown, over the range and over a range cut
 * mid-month: the trends, and who we quote.
 */
async function expectPathsAgree() {
  for (const range of [RANGE, { from: "1911-02-10", to: "1911-11-20" }])
    for (const interval of ["month", "week"]) {
      const diversity = diversitySchema.parse({ ...range, interval });
      expect(await findDiversity(diversity), JSON.stringify({ range, interval })).toEqual(
        await findDiversity(diversity, { countTables: false }),
      );
      for (const by of [undefined, "outlet", "author", "desk"]) {
        const input = trendsSchema.parse({ ...range, interval, ...(by ? { by } : {}) });
        expect(await findTrends(input), JSON.stringify({ range, interval, by })).toEqual(
          await findTrends(input, { countTables: false }),
        );
      }
    }
  // The claim filters the facet cells hold (monthly): each kind of key, and several at once.
  for (const range of [RANGE, { from: "1911-02-10", to: "1911-11-20" }])
    for (const filter of CELL_FILTERS)
      for (const by of [undefined, "outlet", "author", "desk"]) {
        const input = trendsSchema.parse({ ...range, ...filter, ...(by ? { by } : {}) });
        expect(await findTrends(input), JSON.stringify({ range, filter, by })).toEqual(
          await findTrends(input, { countTables: false }),
        );
      }
}

const CELL_FILTERS = [
  { anonymous: "true" },
  { anonymous: "false", via: "false" },
  { sourceType: "person,document" },
  { mode: "partial_quote", reviewStatus: "pending,flagged" },
  { via: "true" },
  { reviewStatus: "approved" },
];

/**
 * Between folds the readers recount the sources waiting in SourceMonthChange from their pairs;
 * after a fold they read the links alone. Both must equal the claims' answer (and the recount).
 * Returns how many sources were waiting.
 */
async function expectCountsAndPathsTrue() {
  const waiting = await db().sourceMonthChange.count();
  await expectPathsAgree();
  await expectTrendCountsTrue();
  await expectPathsAgree();
  return waiting;
}

async function patchSource(id: string, body: Record<string, unknown>) {
  const current = await ok(source.GET, "GET", { id });
  return ok(source.PATCH, "PATCH", { id, body: { version: current.version, ...body } });
}

beforeAll(async () => {
  // The test folds the source months itself: no background compaction after a trends read.
  (globalThis as { facetCompactedAt?: number }).facetCompactedAt = Date.now() + 3_600_000;
  editor = await makeUser("editor");
  const make = async (key: string, input: Record<string, unknown>) => {
    ids[key] = (await newSource(editor, input)).id;
  };
  await make("ana", { type: "person", name: unique("Ana"), gender: "woman" });
  await make("ben", { type: "person", name: unique("Ben") });
  await make("aide", { type: "anonymous_individual", name: "an aide" });
  await make("officials", { type: "anonymous_group", name: "officials", identityKnownToNewsroom: false });
  await make("memo", { type: "document", name: unique("Memo") });
  stories.a = await seedStory(editor, {
    title: unique("a"),
    publishedAt: "1911-02-14",
    outlet: unique("Gazette"),
    desk: "metro",
    author: "Ana Writer",
    claims: [
      { sources: [ids.ana, ids.aide], mode: "direct_quote" },
      { sources: [ids.officials], via: ids.memo },
      { sources: [ids.ben] },
    ],
    unsourced: 2,
  });
  stories.b = await seedStory(editor, {
    title: unique("b"),
    publishedAt: "1911-11-30",
    desk: "world",
    claims: [{ sources: [ids.aide] }, { sources: [ids.aide], mode: "partial_quote" }, { sources: [] }],
    unsourced: 1,
  });
});

describe("Trend counts (kept by triggers)", () => {
  it("equal a recount after seeding, and both read paths give the same trends", async () => {
    expect(await expectCountsAndPathsTrue(), "the seeded sources wait for the fold").toBeGreaterThan(0);
    const counts = await db().articleCounts.findUniqueOrThrow({ where: { articleId: stories.b.article.id } });
    expect(counts).toMatchObject({ claims: 3, attributed: 2, sources: 1, sentences: 4, unsourced: 2 });
  });

  it("follow a second attribution to a source a claim already quotes, and its removal", async () => {
    const added = await ok(attributions.POST, "POST", {
      body: { claimId: stories.b.claimIds[0], sourceId: ids.aide, mode: "direct_quote" },
    });
    await expectTrendCountsTrue();
    const pair = await db().articleSourceCount.findFirstOrThrow({
      where: { articleId: stories.b.article.id, sourceId: ids.aide },
    });
    expect(pair.claims, "claims quoting the source, not attributions").toBe(2);
    await ok((await import("@/app/api/attributions/[id]/route")).DELETE, "DELETE", { id: added.id });
    await expectTrendCountsTrue();
  });

  it("follow a source's stated reason set and cleared, and its identity recorded", async () => {
    await patchSource(ids.officials, { anonymityReason: "feared losing their posts" });
    expect(await expectCountsAndPathsTrue(), "the source waits for the fold").toBeGreaterThan(0);
    const a = await db().articleCounts.findUniqueOrThrow({ where: { articleId: stories.a.article.id } });
    expect(a.missingReason, "only the aide has no stated reason").toBe(1);
    await patchSource(ids.officials, { identityKnownToNewsroom: null });
    expect(await expectCountsAndPathsTrue()).toBeGreaterThan(0);
    // Only whitespace JavaScript's trim() strips (an ideographic space) is no reason either.
    await db().source.update({ where: { id: ids.officials }, data: { anonymityReason: "\u3000 \u00a0" } });
    expect(await expectCountsAndPathsTrue()).toBeGreaterThan(0);
    const after = await db().articleCounts.findUniqueOrThrow({ where: { articleId: stories.a.article.id } });
    expect(after.missingReason).toBe(2);
  });

  it("follow an attribution moved to another source", async () => {
    const moved = await db().attribution.findFirstOrThrow({ where: { claimId: stories.a.claimIds[1] } });
    await ok((await import("@/app/api/attributions/[id]/route")).PATCH, "PATCH", {
      id: moved.id,
      body: { version: moved.version, sourceId: ids.aide },
    });
    expect(await expectCountsAndPathsTrue()).toBeGreaterThan(0);
    await ok((await import("@/app/api/attributions/[id]/route")).PATCH, "PATCH", {
      id: moved.id,
      body: { version: moved.version + 1, sourceId: ids.officials },
    });
    await expectCountsAndPathsTrue();
  });

  it("follow the import's batch writer (sourcedesk_count_new_articles)", async () => {
    const body = "One claim here. Two claim here. The end here.";
    const articles = ["1911-03-03", "1911-03-28", "1911-09-09"].map((day, i) => ({
      id: randomUUID(),
      title: unique(`batch ${i}`),
      body,
      language: "en",
      outlet: i === 2 ? null : unique("Courier"),
      desk: i === 1 ? "metro" : null,
      url: null,
      externalId: null,
      publishedAt: new Date(`${day}T12:00:00Z`),
      statements: segmentText(body),
    }));
    const claims = articles.flatMap((a) =>
      [0, 1].map((c) => ({
        id: randomUUID(),
        articleId: a.id,
        start: c * 16,
        end: c * 16 + 10,
        text: body.slice(c * 16, c * 16 + 10),
        prefix: "",
        suffix: "",
        reviewStatus: "pending",
        createdAt: a.publishedAt,
      })),
    );
    const quoted = [ids.aide, ids.officials, ids.ana, ids.aide, ids.officials, ids.ben];
    const attributions = claims.map((c, i) => ({
      id: randomUUID(),
      claimId: c.id,
      sourceId: quoted[i],
      mode: "paraphrase",
      cueStart: null,
      cueEnd: null,
      mentionStart: null,
      mentionEnd: null,
      viaSourceId: null,
      createdAt: c.createdAt,
    }));
    const client = await importPool().connect();
    try {
      await client.query("BEGIN");
      await writeBatch(client, { articles, claims, attributions }, { actorId: editor.id });
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await expectCountsAndPathsTrue(), "the batch's sources wait for the fold").toBeGreaterThan(0);
    ids.batch = articles[0].id;
  });

  it("follow a person's recorded gender and a source's new type", async () => {
    const ben = await ok(source.GET, "GET", { id: ids.ben });
    await ok(source.PATCH, "PATCH", { id: ids.ben, body: { version: ben.version, gender: "man" } });
    await expectTrendCountsTrue();
    const aide = await ok(source.GET, "GET", { id: ids.aide });
    await ok(source.PATCH, "PATCH", {
      id: ids.aide,
      body: { version: aide.version, type: "person", name: unique("Al") },
    });
    expect(await expectCountsAndPathsTrue()).toBeGreaterThan(0);
  });

  it("follow a claim's review status, set and changed", async () => {
    const reviewer = await makeUser("reviewer");
    const claims = await import("@/app/api/claims/[id]/route");
    const claimId = stories.a.claimIds[0];
    for (const reviewStatus of ["approved", "flagged"]) {
      const { version } = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
      const { status, json } = await call(claims.PATCH, "PATCH", {
        user: reviewer,
        id: claimId,
        body: { reviewStatus, version },
      });
      expect(status, JSON.stringify(json)).toBe(200);
      await expectCountsAndPathsTrue();
    }
  });

  it("move with an article's date, outlet, author and desk, and its text edits", async () => {
    const a = await db().article.findUniqueOrThrow({ where: { id: stories.a.article.id } });
    const edited = await ok(article.PATCH, "PATCH", {
      id: a.id,
      body: { version: a.version, publishedAt: "1911-07-01", desk: "politics", outlet: null, author: "New Byline" },
    });
    await expectTrendCountsTrue();
    await ok(article.PATCH, "PATCH", {
      id: a.id,
      body: { version: edited.version, body: `${a.body} One more plain sentence here.` },
    });
    await expectCountsAndPathsTrue();
  });

  it("let a deleted article's counts go with it", async () => {
    await ok(article.DELETE, "DELETE", { id: stories.b.article.id });
    const batch = await db().articleCounts.findUniqueOrThrow({ where: { articleId: ids.batch } });
    expect(batch.missingReason, "it quotes the officials, whose reason is blank").toBe(1);
    await ok(article.DELETE, "DELETE", { id: ids.batch });
    expect(await db().articleCounts.findUnique({ where: { articleId: stories.b.article.id } })).toBeNull();
    expect(await db().articleSourceCount.count({ where: { articleId: stories.b.article.id } })).toBe(0);
    expect(await expectCountsAndPathsTrue(), "its sources lose its months").toBeGreaterThan(0);
  });
});
