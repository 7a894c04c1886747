import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { call, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;
const ID = "4b1c1a3e-8f6d-4d0a-9b1e-2f3c4d5e6f70";
const forge = (s: string, k: unknown[]) => Buffer.from(JSON.stringify({ s, k })).toString("base64url");

beforeAll(async () => {
  editor = await makeUser("editor");
});

describe("forged pagination cursors", () => {
  it.each([
    ["claims, sort=article, a date that is no date", "article", ["2024-13-45 99:99:99", ID, "1", ID]],
    ["claims, sort=article, an integer past int4", "article", ["2024-01-02 03:04:05", ID, "9999999999", ID]],
    ["claims, sort=newest, the 30th of February", "newest", ["2024-02-30 12:00:00", ID]],
    ["claims, sort=oldest, an hour 24", "oldest", ["2024-01-02 24:00:00", ID]],
  ])("%s: 400 on the cursor, not PostgreSQL's 500", async (_name, sort, keys) => {
    const answer = await call(claims.GET, "GET", { user: editor, query: { sort, cursor: forge(sort, keys) } });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: "validation_error", issues: [{ path: ["cursor"] }] });
  });

  it("unsourced statements and the articles list refuse forged keys the same way", async () => {
    const statements = await call(claims.GET, "GET", {
      user: editor,
      query: { unsourced: "true", cursor: forge("statements", ["2024-01-02 03:04:05", ID, "9999999999"]) },
    });
    expect(statements.status).toBe(400);
    const list = await call(articles.GET, "GET", {
      user: editor,
      query: { cursor: forge("articles", ["2024-13-45 99:99:99", ID]) },
    });
    expect(list.status).toBe(400);
    expect(list.json.error.issues[0].path).toEqual(["cursor"]);
  });

  it("the articles list pages through its own keyset cursor with no row twice or lost", async () => {
    const tag = unique("paging");
    for (let i = 0; i < 5; i++)
      await call(articles.POST, "POST", { user: editor, body: { title: `${tag} ${i}`, body: `Sentence ${i}.` } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(articles.GET, "GET", {
        user: editor,
        query: { q: tag, limit: "2", ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((a: { title: string }) => a.title));
      cursor = page.json.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `${tag} ${i}`));
  });
});

describe("search treats % and _ literally", () => {
  it("GET /api/sources?q=", async () => {
    const tag = unique("like").replace(/-/g, "");
    const names = [`${tag} 100% sure`, `${tag} under_score`, `${tag} plain`];
    for (const name of names) await call(sources.POST, "POST", { user: editor, body: { type: "organization", name } });
    const q = async (text: string) =>
      (await call(sources.GET, "GET", { user: editor, query: { q: text, limit: "50" } })).json.items.map(
        (s: { name: string }) => s.name,
      );
    expect(await q(`${tag} 100%`)).toEqual([names[0]]);
    expect(await q(`${tag} under_`)).toEqual([names[1]]);
    expect(await q(`${tag}%plain`)).toEqual([]);
    expect(await q(`${tag} _lain`)).toEqual([]);
    expect(await q(tag)).toHaveLength(3);
    // Before: `q=%` matched every source.
    expect((await q("%")).every((n: string) => n.includes("%"))).toBe(true);
  });

  it("GET /api/articles?q=", async () => {
    const tag = unique("like").replace(/-/g, "");
    for (const title of [`${tag} 50% off`, `${tag} snake_case`, `${tag} other`])
      await call(articles.POST, "POST", { user: editor, body: { title, body: "A sentence." } });
    const q = async (text: string) =>
      (await call(articles.GET, "GET", { user: editor, query: { q: text, limit: "50" } })).json.items.map(
        (a: { title: string }) => a.title,
      );
    expect(await q(`${tag} 50%`)).toEqual([`${tag} 50% off`]);
    expect(await q(`${tag} snake_`)).toEqual([`${tag} snake_case`]);
    expect(await q(`${tag}%other`)).toEqual([]);
    expect((await q("%")).every((t: string) => t.includes("%"))).toBe(true);
    expect((await q("_")).every((t: string) => t.includes("_"))).toBe(true);
  });
});
