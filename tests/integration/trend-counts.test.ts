import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as attributions from "@/app/api/attributions/route";
import * as source from "@/app/api/sources/[id]/route";
import { db } from "@/lib/db";
import { findDiversity } from "@/lib/trends/find-diversity";
import { findTrends } from "@/lib/trends/find-trends";
import { diversitySchema, trendsSchema } from "@/lib/trends/schema";
import { newSource, seedStory } from "./fixtures/story-seed";
import { call, makeUser, type TestUser, unique } from "./helpers";
import { expectTrendCountsTrue } from "./trend-counts-check";

/**
 * The trend counts (ArticleCounts, ArticleSourceCount, TrendCount, Claim's source lists) stay
 * exact through every write that moves them — checked against a recount from the rows after each —
 * and the trends read from them equal the trends read from the claims.
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
}

beforeAll(async () => {
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
    await expectTrendCountsTrue();
    await expectPathsAgree();
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

  it("follow a person's recorded gender and a source's new type", async () => {
    const ben = await ok(source.GET, "GET", { id: ids.ben });
    await ok(source.PATCH, "PATCH", { id: ids.ben, body: { version: ben.version, gender: "man" } });
    await expectTrendCountsTrue();
    const aide = await ok(source.GET, "GET", { id: ids.aide });
    await ok(source.PATCH, "PATCH", {
      id: ids.aide,
      body: { version: aide.version, type: "person", name: unique("Al") },
    });
    await expectTrendCountsTrue();
    await expectPathsAgree();
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
    await expectTrendCountsTrue();
    await expectPathsAgree();
  });

  it("let a deleted article's counts go with it", async () => {
    await ok(article.DELETE, "DELETE", { id: stories.b.article.id });
    expect(await db().articleCounts.findUnique({ where: { articleId: stories.b.article.id } })).toBeNull();
    expect(await db().articleSourceCount.count({ where: { articleId: stories.b.article.id } })).toBe(0);
    await expectTrendCountsTrue();
    await expectPathsAgree();
  });
});
