import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as claims from "@/app/api/claims/route";
import { findClaimFacets } from "@/lib/claims/claim-facets";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { call, makeUser, type TestUser, unique } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let editor: TestUser;
let reviewer: TestUser;
let gold: Awaited<ReturnType<typeof seedRafahGold>>;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  gold = await seedRafahGold(editor);
});

async function list(query: Record<string, string | string[]>) {
  const { status, json } = await call(claims.GET, "GET", {
    user: reviewer,
    query: { articleId: gold.article.id, limit: "200", ...query },
  });
  expect(status).toBe(200);
  return json as { items: { id: string; kind: string; text: string }[]; nextCursor: string | null };
}
const ids = async (query: Record<string, string | string[]>) => new Set((await list(query)).items.map((c) => c.id));
const goldIds = (...g: string[]) => new Set(g.map((x) => gold.claimIds.get(x)));

describe("GET /api/claims explorer filters", () => {
  it("filters by affiliation, second-hand, date range and combinations of them", async () => {
    expect(await ids({ affiliation: "israeli government" })).toEqual(goldIds("C6", "C7", "C8"));
    expect(await ids({ affiliation: ["Biden administration", "Israeli government"] })).toEqual(
      goldIds("C4", "C5", "C6", "C7", "C8"),
    );
    expect(await ids({ via: "true" })).toEqual(goldIds("C3", "C4"));
    expect((await ids({ via: "false" })).size).toBe(8);
    expect(await ids({ via: "true", sourceType: "anonymous_group", affiliation: "Biden administration" })).toEqual(
      goldIds("C4"),
    );
    expect(await ids({ q: "politico" })).toEqual(goldIds("C3"));
    expect(await ids({ q: "100%" })).toEqual(goldIds());
    const today = new Date().toISOString().slice(0, 10);
    expect((await ids({ from: today, to: today })).size).toBe(10);
    expect((await ids({ to: "2000-01-01" })).size).toBe(0);
  });

  it("lists statements with no attribution instead of claims, and combined with a claim filter lists none", async () => {
    const body = "Ministers met on Monday. The plan will work, the minister said. Nobody knows why.";
    const article = (await call(articles.POST, "POST", { user: editor, body: { title: unique("unsourced"), body } }))
      .json;
    const unsourced = await list({ articleId: article.id, unsourced: "true" });
    expect(unsourced.items.map((s) => [s.kind, s.text])).toEqual([
      ["statement", "Ministers met on Monday."],
      ["statement", "The plan will work, the minister said."],
      ["statement", "Nobody knows why."],
    ]);
    expect((await list({ articleId: article.id, unsourced: "true", q: "nobody" })).items).toHaveLength(1);
    expect((await list({ articleId: article.id, unsourced: "true", mode: "paraphrase" })).items).toHaveLength(0);
    expect((await list({ unsourced: "true" })).items).toHaveLength(0);
  });

  it("counts a sentence whose only attributed claim was orphaned by an edit as unsourced", async () => {
    const seeded = await seedRafahGold(editor);
    expect((await list({ articleId: seeded.article.id, unsourced: "true" })).items).toHaveLength(0);
    await db().claim.update({ where: { id: seeded.claimIds.get("C1")! }, data: { orphaned: true } });
    const unsourced = await list({ articleId: seeded.article.id, unsourced: "true" });
    expect(unsourced.items.map((s) => s.text)).toEqual([
      expect.stringMatching(/^Over the past weeks, the United States/),
    ]);
  });

  it("pages every sort by cursor without gaps or repeats, and refuses a cursor from another sort", async () => {
    for (const sort of ["newest", "oldest", "article"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list({ sort, limit: "3", ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(10);
      expect(seen).toHaveLength(10);
      if (sort === "article")
        expect(seen).toEqual(
          ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"].map((g) => gold.claimIds.get(g)),
        );
      if (sort === "oldest") expect(seen[0]).toBe(gold.claimIds.get("C1"));
    }
    const first = await list({ sort: "newest", limit: "2" });
    const wrongSort = await call(claims.GET, "GET", {
      user: reviewer,
      query: { sort: "article", cursor: first.nextCursor! },
    });
    expect(wrongSort.status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ s: "newest", k: ['\'; DROP TABLE "Claim"; --', "x"] })).toString(
      "base64url",
    );
    expect((await call(claims.GET, "GET", { user: reviewer, query: { cursor: forged } })).status).toBe(400);
    expect((await call(claims.GET, "GET", { user: reviewer, query: { sort: "random" } })).status).toBe(400);
    expect(await db().claim.count()).toBeGreaterThanOrEqual(10);
  });
});

describe("facet counts", () => {
  it("count each value under the other filters", async () => {
    const facets = await findClaimFacets(
      claimFiltersSchema.parse({ articleId: gold.article.id, sourceType: "anonymous_group" }),
    );
    expect(facets.total).toBe(6);
    // Source types are counted without the source-type filter itself, so every type shows what it would add.
    expect(Object.fromEntries(facets.sourceType.map((v) => [v.value, v.count]))).toEqual({
      person: 1,
      organization: 1,
      media_outlet: 0,
      document: 0,
      anonymous_individual: 2,
      anonymous_group: 6,
    });
    // The other facets are counted within the six anonymous-group claims.
    expect(Object.fromEntries(facets.mode.map((v) => [v.value, v.count]))).toEqual({
      direct_quote: 0,
      partial_quote: 0,
      paraphrase: 6,
    });
    expect(facets.via).toEqual([
      { value: "true", count: 2 },
      { value: "false", count: 4 },
    ]);
    expect(facets.anonymous).toEqual([
      { value: "true", count: 6 },
      { value: "false", count: 0 },
    ]);
    expect(facets.reviewStatus.find((v) => v.value === "pending")?.count).toBe(6);
    expect(facets.affiliation).toEqual(
      [
        { value: "United States government", count: 2 },
        { value: "Biden administration", count: 2 },
        { value: "Israeli government", count: 1 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
    // Other articles (other tests') are counted too: the article facet leaves the article filter out.
    expect(facets.articleId).toContainEqual({ value: gold.article.id, label: gold.article.title, count: 6 });
    expect(facets.unsourced).toBe(0);
  });

  it("list a selected article with its real count even when busier articles fill the top values", async () => {
    const tag = unique("busy");
    for (let i = 0; i < 16; i++) {
      const body = "One. Two. Three.";
      const a = (await call(articles.POST, "POST", { user: editor, body: { title: `${tag} ${i}`, body } })).json;
      for (const [start, end] of [
        [0, 3],
        [5, 8],
        [10, 15],
      ])
        await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, start, end } });
    }
    const quiet = (
      await call(articles.POST, "POST", { user: editor, body: { title: unique("quiet"), body: "Only one." } })
    ).json;
    await call(claims.POST, "POST", { user: editor, body: { articleId: quiet.id, start: 0, end: 4 } });
    const facets = await findClaimFacets(claimFiltersSchema.parse({ articleId: quiet.id }));
    expect(facets.articleId[0]).toMatchObject({ value: quiet.id, count: 1 });
  });

  it("agree with the list: each value's count is what selecting it would show", async () => {
    const combos: Record<string, string>[] = [
      {},
      { sourceType: "anonymous_group" },
      { via: "true" },
      { mode: "paraphrase", anonymous: "true" },
      { affiliation: "Israeli government" },
      { q: "officials" },
      { sourceType: "person,organization", via: "false" },
    ];
    type Facet = "sourceType" | "anonymous" | "affiliation" | "mode" | "via" | "reviewStatus";
    const single: Record<Facet, (v: string) => Record<string, string>> = {
      sourceType: (v) => ({ sourceType: v }),
      anonymous: (v) => ({ anonymous: v }),
      affiliation: (v) => ({ affiliation: v }),
      mode: (v) => ({ mode: v }),
      via: (v) => ({ via: v }),
      reviewStatus: (v) => ({ reviewStatus: v }),
    };
    for (const combo of combos) {
      const facets = await findClaimFacets(claimFiltersSchema.parse({ articleId: gold.article.id, ...combo }));
      expect(facets.total).toBe((await ids(combo)).size);
      for (const [facet, select] of Object.entries(single) as [Facet, (v: string) => Record<string, string>][]) {
        for (const { value, count } of facets[facet]) {
          const listed = (await ids({ ...combo, ...select(value) })).size;
          expect({ combo, facet, value, count }).toEqual({ combo, facet, value, count: listed });
        }
      }
    }
  });
});
