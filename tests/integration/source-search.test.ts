import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { call, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
});

const create = async (body: Record<string, unknown>) => {
  const response = await call(sources.POST, "POST", { user: editor, body });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: string; name: string };
};

/** An article whose one claim is attributed to `sourceId`. */
async function articleUsing(sourceId: string, title: string) {
  const body = "Officials said the bridge would reopen. Nothing else.";
  const article = (await call(articles.POST, "POST", { user: editor, body: { title, body } })).json;
  const claim = (await call(claims.POST, "POST", { user: editor, body: { articleId: article.id, start: 15, end: 38 } }))
    .json;
  const attribution = await call(attributions.POST, "POST", {
    user: editor,
    body: { claimId: claim.id, sourceId, mode: "paraphrase" },
  });
  expect(attribution.status).toBe(201);
  return article as { id: string; title: string };
}

describe("source search for the picker", () => {
  it("ranks the exact name, then prefixes, then this article's sources, then other matches, then affiliations", async () => {
    const place = unique("Zembla");
    // Alphabetical order would put every one of these before the exact match.
    const affiliationOnly = await create({
      type: "anonymous_group",
      name: "A group of officials",
      affiliation: `${place} States government`,
    });
    const contains = await create({ type: "anonymous_group", name: `Aides in ${place} States` });
    const inArticle = await create({ type: "anonymous_group", name: `Advisers to ${place} States` });
    const prefix = await create({ type: "organization", name: `${place} States Army` });
    const exact = await create({ type: "organization", name: `the ${place} States` });
    const article = await articleUsing(inArticle.id, unique("Ranking"));

    const { status, json } = await call(sources.GET, "GET", {
      user: editor,
      query: { q: `${place} States`, articleId: article.id },
    });
    expect(status).toBe(200);
    expect(json.items.map((s: { id: string }) => s.id)).toEqual([
      exact.id,
      prefix.id,
      inArticle.id,
      contains.id,
      affiliationOnly.id,
    ]);
    expect(json.items.map((s: { usedInArticle: boolean }) => s.usedInArticle)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it("puts this article's sources first when nothing is typed", async () => {
    const mine = await create({ type: "anonymous_group", name: unique("zz officials") });
    const article = await articleUsing(mine.id, unique("Empty query"));
    const { json } = await call(sources.GET, "GET", { user: editor, query: { articleId: article.id, limit: "5" } });
    expect(json.items[0]).toMatchObject({ id: mine.id, usedInArticle: true });
    expect(json.items).toHaveLength(5);
  });

  it("tells anonymous sources apart by the article and date they were last used in", async () => {
    const descriptor = unique("senior officials");
    const first = await create({ type: "anonymous_group", name: descriptor });
    const second = await create({ type: "anonymous_group", name: descriptor });
    const articleOne = await articleUsing(first.id, unique("First story"));
    const articleTwo = await articleUsing(second.id, unique("Second story"));
    const { json } = await call(sources.GET, "GET", { user: editor, query: { q: descriptor } });
    const byId = new Map(json.items.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(first.id)).toMatchObject({
      usedInArticle: null,
      lastUsedIn: { articleId: articleOne.id, title: articleOne.title },
    });
    expect(byId.get(second.id)).toMatchObject({ lastUsedIn: { articleId: articleTwo.id, title: articleTwo.title } });
    expect(Number.isNaN(Date.parse((byId.get(first.id) as { lastUsedIn: { date: string } }).lastUsedIn.date))).toBe(
      false,
    );
  });

  it("treats % and _ in the text as characters, not wildcards", async () => {
    const tag = unique("pct");
    await create({ type: "organization", name: `${tag} 100% owned` });
    await create({ type: "organization", name: `${tag} 100 owned` });
    const { json } = await call(sources.GET, "GET", { user: editor, query: { q: `${tag} 100%` } });
    expect(json.items.map((s: { name: string }) => s.name)).toEqual([`${tag} 100% owned`]);
  });
});
