import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as articles from "@/app/api/articles/route";
import * as health from "@/app/api/health/route";
import { MAX_BODY_BYTES } from "@/lib/http";
import { call, databaseFingerprint, makeUser, rafahGold, rafahText, type TestUser, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});

describe("GET /api/health", () => {
  it("reports the database", async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

describe("POST /api/articles", () => {
  it("stores the Rafah article split exactly into the gold statements", async () => {
    const { status, json } = await call(articles.POST, "POST", {
      user: editor,
      body: { title: unique("Rafah"), body: rafahText },
    });
    expect(status).toBe(201);
    expect(json.language).toBe("en");
    expect(json.status).toBe("draft");
    expect(json.version).toBe(1);
    const headings = json.statements.filter((s: { kind: string }) => s.kind === "heading");
    const sentences = json.statements.filter((s: { kind: string }) => s.kind === "sentence");
    expect(headings.map((s: object) => pick(s))).toEqual(rafahGold.headings);
    expect(sentences.map((s: object) => pick(s))).toEqual(
      rafahGold.sentences.map(({ id: _id, ...s }: { id: string }) => s),
    );
    expect(json.statements.map((s: { ordinal: number }) => s.ordinal)).toEqual([...Array(11).keys()]);
  });

  it("keeps the body byte-exact and detects Arabic, with emoji offsets in UTF-16", async () => {
    const body = "قال مسؤول إسرائيلي إن الجيش ما زال يدرس الخطط. وأضاف أن العملية حتمية 🚀 في النهاية.\n";
    const { status, json } = await call(articles.POST, "POST", { user: editor, body: { title: unique("ar"), body } });
    expect(status).toBe(201);
    expect(json.body).toBe(body);
    expect(json.language).toBe("ar");
    expect(json.statements).toHaveLength(2);
    for (const s of json.statements) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it("takes optional metadata and canonicalises the language tag", async () => {
    const { status, json } = await call(articles.POST, "POST", {
      user: editor,
      body: {
        title: unique("meta"),
        body: "He said so.",
        language: "PT-br",
        outlet: "  The Paper ",
        author: " Rana Abu Ali ",
        desk: "metro",
        url: "https://example.org/a",
        publishedAt: "2024-05-01",
      },
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      language: "pt-BR",
      outlet: "The Paper",
      author: "Rana Abu Ali",
      desk: "metro",
      url: "https://example.org/a",
      publishedAt: "2024-05-01T00:00:00.000Z",
    });
  });

  it.each([
    ["missing title", { body: "Text." }, "title"],
    ["empty body", { title: "t", body: "   " }, "body"],
    ["wrong type", { title: 5, body: "Text." }, "title"],
    ["extra field", { title: "t", body: "Text.", status: "approved" }, ""],
    ["bad language", { title: "t", body: "Text.", language: "not a tag!" }, "language"],
    ["javascript url", { title: "t", body: "Text.", url: "javascript:alert(1)" }, "url"],
    ["overlong desk", { title: "t", body: "Text.", desk: "d".repeat(61) }, "desk"],
    ["bad date", { title: "t", body: "Text.", publishedAt: "yesterday" }, "publishedAt"],
    ["NUL in body", { title: "t", body: "Te\u0000xt." }, "body"],
  ])("rejects %s with 400 and changes nothing", async (_label, body, field) => {
    const before = await databaseFingerprint();
    const { status, json } = await call(articles.POST, "POST", { user: editor, body });
    expect(status).toBe(400);
    expect(json.error.code).toBe("validation_error");
    expect(json.error.issues.some((i: { path: string[] }) => i.path.join(".") === field)).toBe(true);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("rejects malformed JSON and oversized bodies", async () => {
    const before = await databaseFingerprint();
    expect((await call(articles.POST, "POST", { user: editor, rawBody: "{not json" })).json.error.code).toBe(
      "validation_error",
    );
    const huge = await call(articles.POST, "POST", {
      user: editor,
      rawBody: JSON.stringify({ title: "t", body: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("too_large");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("needs a signed-in editor or admin", async () => {
    const before = await databaseFingerprint();
    const anonymous = await call(articles.POST, "POST", { body: { title: "t", body: "Text." } });
    expect(anonymous).toMatchObject({ status: 401, json: { error: { code: "unauthenticated" } } });
    const wrongRole = await call(articles.POST, "POST", { user: reviewer, body: { title: "t", body: "Text." } });
    expect(wrongRole).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    const badToken = await call(articles.POST, "POST", {
      user: { ...editor, token: "sdt_nope" },
      body: { title: "t", body: "Text." },
    });
    expect(badToken.status).toBe(401);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("GET /api/articles", () => {
  it("lists newest first with counts, filters, and pages by cursor", async () => {
    const tag = unique("list");
    for (let i = 0; i < 3; i++)
      await call(articles.POST, "POST", { user: editor, body: { title: `${tag} ${i}`, body: "One. Two." } });
    const first = await call(articles.GET, "GET", { user: reviewer, query: { q: tag, limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.json.items.map((a: { title: string }) => a.title)).toEqual([`${tag} 2`, `${tag} 1`]);
    expect(first.json.items[0].counts).toEqual({
      statements: 2,
      claims: 0,
      sentences: 2,
      sourcedSentences: 0,
      sourcedShare: 0,
      anonymousShare: null,
    });
    const second = await call(articles.GET, "GET", {
      user: reviewer,
      query: { q: tag, limit: "2", cursor: first.json.nextCursor },
    });
    expect(second.json.items.map((a: { title: string }) => a.title)).toEqual([`${tag} 0`]);
    expect(second.json.nextCursor).toBeNull();
    expect(
      (await call(articles.GET, "GET", { user: reviewer, query: { q: tag, status: "approved" } })).json.items,
    ).toEqual([]);
    expect((await call(articles.GET, "GET", { user: reviewer, query: { cursor: "garbage" } })).status).toBe(400);
    expect((await call(articles.GET, "GET", { user: reviewer, query: { limit: "0" } })).status).toBe(400);
  });
});

describe("GET /api/articles/:id", () => {
  it("returns the article or a 404", async () => {
    const created = await call(articles.POST, "POST", {
      user: editor,
      body: { title: unique("one"), body: "First. Second." },
    });
    const found = await call(article.GET, "GET", { user: reviewer, id: created.json.id });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({
      id: created.json.id,
      claims: [],
      statements: [{ text: "First." }, { text: "Second." }],
    });
    expect(
      (await call(article.GET, "GET", { user: reviewer, id: "00000000-0000-4000-8000-000000000000" })).status,
    ).toBe(404);
    expect((await call(article.GET, "GET", { user: reviewer, id: "not-a-uuid" })).status).toBe(404);
    expect((await call(article.GET, "GET", { id: created.json.id })).status).toBe(401);
  });
});

function pick(s: object) {
  const { start, end, text } = s as { start: number; end: number; text: string };
  return { start, end, text };
}
