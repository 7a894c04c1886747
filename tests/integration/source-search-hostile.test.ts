import { beforeAll, describe, expect, it } from "vitest";
import * as sources from "@/app/api/sources/route";
import { call, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;
beforeAll(async () => {
  editor = await makeUser("editor");
});

const search = (q: string, extra: Record<string, string> = {}) =>
  call(sources.GET, "GET", { user: editor, query: { q, limit: "50", ...extra } });
const names = (r: { json: { items: { name: string }[] } }) => r.json.items.map((s) => s.name);

describe("GET /api/sources with a hostile q", () => {
  // A lone surrogate cannot reach the server in a URL: URLSearchParams sends it as U+FFFD.
  it("refuses a NUL and 10 kB with 400, never a 500", async () => {
    for (const q of ["a\u0000b", "\u0000", "a".repeat(10_000), "é".repeat(201)]) {
      const response = await search(q);
      expect(response.status, JSON.stringify(q.slice(0, 20))).toBe(400);
      expect(response.json.error.code).toBe("validation_error");
    }
  });

  it("takes a backslash, LIKE wildcards and regex characters literally", async () => {
    const tag = unique("lit").replace(/-/g, "");
    const made = [`${tag} a\\b`, `${tag} a%b`, `${tag} a_b`, `${tag} a.*b`, `${tag} axb`];
    for (const name of made) {
      const r = await call(sources.POST, "POST", { user: editor, body: { type: "organization", name } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    expect(names(await search(`${tag} a\\b`))).toEqual([made[0]]);
    expect(names(await search(`${tag} a\\`))).toEqual([made[0]]);
    expect(names(await search(`${tag} a%b`))).toEqual([made[1]]);
    expect(names(await search(`${tag} a_b`))).toEqual([made[2]]);
    expect(names(await search(`${tag} a.*b`))).toEqual([made[3]]);
    expect(names(await search(`${tag} a\\%`))).toEqual([]);
  });

  it("finds a name typed with or without its leading 'the' or with doubled spaces", async () => {
    const tag = unique("the").replace(/-/g, "");
    const plain = `United States ${tag}`;
    const r = await call(sources.POST, "POST", { user: editor, body: { type: "organization", name: plain } });
    expect(r.status).toBe(201);
    expect(names(await search(`the united states ${tag}`))).toEqual([plain]);
    expect(names(await search(`United  States ${tag}`))).toEqual([plain]);
  });

  it("answers unicode and emoji queries", async () => {
    const tag = unique("uni").replace(/-/g, "");
    const name = `وزارة الصحة 🏥 ${tag}`;
    const r = await call(sources.POST, "POST", { user: editor, body: { type: "organization", name } });
    expect(r.status).toBe(201);
    expect(names(await search(`🏥 ${tag}`))).toEqual([name]);
    expect(names(await search(`الصحة`)).includes(name)).toBe(true);
  });
});
