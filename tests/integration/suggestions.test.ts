import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as accept from "@/app/api/articles/[id]/suggestions/accept/route";
import * as reject from "@/app/api/articles/[id]/suggestions/reject/route";
import * as articleSuggestions from "@/app/api/articles/[id]/suggestions/route";
import * as articles from "@/app/api/articles/route";
import * as attributionById from "@/app/api/attributions/[id]/route";
import * as attributionRestore from "@/app/api/attributions/restore/route";
import * as sources from "@/app/api/sources/route";
import * as suggestions from "@/app/api/suggestions/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, ROOT, rafahGold, rafahText, type TestUser, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
});

async function newArticle(body: string, language?: string) {
  return (
    await call(articles.POST, "POST", {
      user: editor,
      body: { title: unique("sugg"), body, ...(language ? { language } : {}) },
    })
  ).json;
}
const arabic = readFileSync(
  path.join(ROOT, "fixtures/corpus/other-languages/ar-finance-minister-deficit/article.txt"),
  "utf8",
);

interface SuggestionJson {
  key: string;
  content: { start: number; end: number };
  source: { name: string; type: string; existingSourceId: string | null };
  mode: string;
  via: unknown;
}

describe("POST /api/suggestions", () => {
  it("suggests the gold attributions of the Rafah text with offsets into it", async () => {
    const { status, json } = await call(suggestions.POST, "POST", { user: editor, body: { text: rafahText } });
    expect(status).toBe(200);
    const contents = json.suggestions.map((s: SuggestionJson) => rafahText.slice(s.content.start, s.content.end));
    for (const claim of rafahGold.claims) expect(contents).toContain(claim.content.text);
    const sullivan = json.suggestions.find((s: SuggestionJson) => s.source.name === "Jake Sullivan");
    expect(sullivan).toMatchObject({ mode: "partial_quote", source: { type: "person", existingSourceId: null } });
  });

  it("matches existing named sources by normalised name", async () => {
    const surname = [...unique("").slice(1)]
      .filter((c) => /[a-z]/.test(c))
      .join("")
      .padEnd(4, "q");
    const name = `Ada ${surname[0].toUpperCase()}${surname.slice(1)}`;
    const created = (
      await call(sources.POST, "POST", { user: editor, body: { type: "person", name: `  ada   ${surname} ` } })
    ).json;
    const text = `${name} said that the engine works.`;
    const { json } = await call(suggestions.POST, "POST", { user: editor, body: { text } });
    expect(json.suggestions).toHaveLength(1);
    expect(json.suggestions[0].source.existingSourceId).toBe(created.id);
  });

  it("says which language it read, and that it has no suggestions for one it cannot read", async () => {
    const en = await call(suggestions.POST, "POST", {
      user: editor,
      body: { text: "The minister said the bridge is safe." },
    });
    expect(en.json.language).toEqual({ code: "en", name: "English", supported: true, message: null });
    const ar = await call(suggestions.POST, "POST", { user: editor, body: { text: arabic, language: "ar" } });
    expect(ar.status).toBe(200);
    expect(ar.json).toEqual({
      language: { code: "ar", name: "Arabic", supported: false, message: "No suggestions for Arabic yet" },
      suggestions: [],
    });
  });

  it("is for editors and admins, and validates its input", async () => {
    expect((await call(suggestions.POST, "POST", { user: reviewer, body: { text: "He said so." } })).status).toBe(403);
    expect((await call(suggestions.POST, "POST", { body: { text: "He said so." } })).status).toBe(401);
    expect((await call(suggestions.POST, "POST", { user: editor, body: { text: "" } })).status).toBe(400);
    expect((await call(suggestions.POST, "POST", { user: editor, body: { text: "x", extra: 1 } })).status).toBe(400);
  });
});

describe("article suggestions: accept and reject", () => {
  it("accepting creates the claim and attribution, reuses existing sources and never duplicates them", async () => {
    const outlet = unique("Politico");
    await call(sources.POST, "POST", { user: editor, body: { type: "media_outlet", name: outlet } });
    const body = `Four US officials have made it clear that talks will resume, as quoted by the newspaper "${outlet}". The minister said the bridge is safe.`;
    const a = await newArticle(body);
    const open = (await call(articleSuggestions.GET, "GET", { user: reviewer, id: a.id })).json
      .suggestions as SuggestionJson[];
    const officials = open.find((s) => s.source.name === "Four US officials")!;
    expect(officials).toBeTruthy();
    const sourcesBefore = await db().source.count();
    const accepted = await call(accept.POST, "POST", { user: editor, id: a.id, body: { key: officials.key } });
    expect(accepted.status).toBe(201);
    expect(accepted.json.attribution).toMatchObject({
      source: { name: "Four US officials", type: "anonymous_group", count: 4 },
      via: { name: outlet },
    });
    expect(await db().source.count()).toBe(sourcesBefore + 1); // the officials; the outlet was reused
    const after = (await call(articleSuggestions.GET, "GET", { user: reviewer, id: a.id })).json
      .suggestions as SuggestionJson[];
    expect(after.some((s) => s.key === officials.key)).toBe(false);
    const again = await call(accept.POST, "POST", { user: editor, id: a.id, body: { key: officials.key } });
    expect(again.status).toBe(404);
    const stored = (await call(article.GET, "GET", { user: reviewer, id: a.id })).json;
    expect(stored.claims).toHaveLength(1);
    expect(stored.claims[0].text).toBe("talks will resume");
  });

  it("records that an accepted attribution came from a suggestion, with its confidence, not in the note", async () => {
    const a = await newArticle("The minister said the bridge is safe.");
    const [s] = (await call(articleSuggestions.GET, "GET", { user: editor, id: a.id })).json
      .suggestions as (SuggestionJson & { confidence: number })[];
    const accepted = await call(accept.POST, "POST", { user: editor, id: a.id, body: { key: s.key } });
    expect(accepted.json.attribution).toMatchObject({ origin: "suggestion", confidence: s.confidence, note: null });
    const stored = (await call(article.GET, "GET", { user: reviewer, id: a.id })).json;
    expect(stored.claims[0].attributions[0]).toMatchObject({
      origin: "suggestion",
      confidence: s.confidence,
      note: null,
    });
    // Deleting and restoring the attribution keeps where it came from.
    const id = accepted.json.attribution.id;
    expect((await call(attributionById.DELETE, "DELETE", { user: editor, id })).status).toBe(200);
    const restored = await call(attributionRestore.POST, "POST", { user: editor, body: { attributionId: id } });
    expect(restored.json).toMatchObject({ origin: "suggestion", confidence: s.confidence });
  });

  it("keeps a nested suggestion open after the one whose content holds it is accepted", async () => {
    const a = await newArticle(rafahText);
    const open = (await call(articleSuggestions.GET, "GET", { user: editor, id: a.id })).json
      .suggestions as SuggestionJson[];
    const text = (s: SuggestionJson) => rafahText.slice(s.content.start, s.content.end);
    const c3 = open.find((s) => text(s) === rafahGold.claims[2].content.text)!;
    const c4 = open.find((s) => text(s) === rafahGold.claims[3].content.text)!;
    expect(c3 && c4).toBeTruthy();
    expect((await call(accept.POST, "POST", { user: editor, id: a.id, body: { key: c3.key } })).status).toBe(201);
    const after = (await call(articleSuggestions.GET, "GET", { user: editor, id: a.id })).json
      .suggestions as SuggestionJson[];
    expect(after.some((s) => s.key === c3.key)).toBe(false);
    expect(after.some((s) => s.key === c4.key)).toBe(true);
  });

  it("answers an article in a language it cannot read with no suggestions and the reason", async () => {
    const a = await newArticle(arabic, "ar");
    const { status, json } = await call(articleSuggestions.GET, "GET", { user: reviewer, id: a.id });
    expect(status).toBe(200);
    expect(json).toEqual({
      suggestions: [],
      language: { code: "ar", name: "Arabic", supported: false, message: "No suggestions for Arabic yet" },
    });
  });

  it("a rejected suggestion stays rejected for that article, and rejecting changes only the rejection", async () => {
    const a = await newArticle("The minister said the bridge is safe.");
    const [s] = (await call(articleSuggestions.GET, "GET", { user: editor, id: a.id })).json
      .suggestions as SuggestionJson[];
    expect(s).toBeTruthy();
    expect((await call(reject.POST, "POST", { user: reviewer, id: a.id, body: { key: s.key } })).status).toBe(403);
    expect((await call(reject.POST, "POST", { user: editor, id: a.id, body: { key: s.key } })).json).toEqual({
      key: s.key,
      rejected: true,
    });
    expect((await call(articleSuggestions.GET, "GET", { user: editor, id: a.id })).json.suggestions).toEqual([]);
    const other = await newArticle("The minister said the bridge is safe.");
    expect((await call(articleSuggestions.GET, "GET", { user: editor, id: other.id })).json.suggestions).toHaveLength(
      1,
    );
    const before = await databaseFingerprint();
    expect((await call(reject.POST, "POST", { user: editor, id: a.id, body: { key: s.key } })).status).toBe(404);
    expect((await call(accept.POST, "POST", { user: editor, id: a.id, body: { key: "not a key!" } })).status).toBe(400);
    expect(await databaseFingerprint()).toEqual(before);
  });
});
