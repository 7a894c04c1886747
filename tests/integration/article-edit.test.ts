import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as status from "@/app/api/articles/[id]/status/route";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { spanProblem } from "@/lib/spans/check-span";
import { call, databaseFingerprint, makeUser, rafahGold, rafahText, type TestUser, unique } from "./helpers";
import { seedRafahGold } from "./seed-gold";

interface Span {
  start: number;
  end: number;
  text: string;
}
interface ClaimJson {
  id: string;
  start: number;
  end: number;
  text: string;
  orphaned: boolean;
  version: number;
  parts: { start: number; end: number }[] | null;
  attributions: { id: string; cue: Span | null; mention: Span | null; version: number }[];
}
let editor: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([makeUser("editor"), makeUser("reviewer"), makeUser("admin")]);
});

const golds = rafahGold.claims;
const get = async (id: string) => (await call(article.GET, "GET", { user: reviewer, id })).json;
const patch = (id: string, body: unknown, user: TestUser = editor) => call(article.PATCH, "PATCH", { user, id, body });
const claimOf = (json: { claims: ClaimJson[] }, id: string) => json.claims.find((c) => c.id === id)!;
const latestEvent = (articleId: string) => db().auditEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" } });

describe("PATCH /api/articles/:id with a new body", () => {
  it("re-anchors all ten gold claims, their cues and mentions when a paragraph is inserted at the top", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const intro = "UPDATE 🔄 — This report was updated with new reporting from Washington.\n\n";
    const response = await patch(seeded.id, { version: 1, body: intro + rafahText });
    expect(response.status).toBe(200);
    expect(response.json.version).toBe(2);
    expect(response.json.body).toBe(intro + rafahText);
    expect(response.json.statements).toHaveLength(12);
    expect(response.json.reanchor.claims.map((c: { outcome: string }) => c.outcome)).toEqual(Array(10).fill("moved"));
    const json = await get(seeded.id);
    for (const gold of golds) {
      const c = claimOf(json, claimIds.get(gold.id)!);
      expect({ start: c.start, end: c.end, text: c.text, orphaned: c.orphaned }).toEqual({
        start: gold.content.start + intro.length,
        end: gold.content.end + intro.length,
        text: gold.content.text,
        orphaned: false,
      });
      expect(json.body.slice(c.start, c.end)).toBe(gold.content.text);
      expect(c.version).toBe(2); // stale clients holding the old offsets now get 409
      expect(c.attributions[0].cue).toEqual({
        ...gold.cue,
        start: gold.cue.start + intro.length,
        end: gold.cue.end + intro.length,
      });
      expect(c.attributions[0].mention?.text).toBe(gold.sourceMention.text);
    }
    const event = await latestEvent(seeded.id);
    expect(event).toMatchObject({ action: "update", entity: "article", actorId: editor.id });
    const before = event!.before as { body: { length: number; sha256: string }; version: number };
    const after = event!.after as {
      body: { length: number; sha256: string };
      version: number;
      reanchor: { claims: unknown[] };
    };
    expect(before.body.length).toBe(rafahText.length);
    expect(after.body.length).toBe(intro.length + rafahText.length);
    expect(after.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(after.body.sha256).not.toBe(before.body.sha256);
    expect(JSON.stringify(event!.after)).not.toContain(rafahText.slice(0, 300)); // the text is not copied into the log
    expect(after.reanchor.claims).toHaveLength(10);
  });

  it('adjusts C6 to a one-character copy edit ("1.3" → "1.4"), keeping its attribution, and reports the new text', async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const response = await patch(seeded.id, { version: 1, body: rafahText.replace("1.3 million", "1.4 million") });
    expect(response.status).toBe(200);
    const c6Gold = golds.find((g) => g.id === "C6")!;
    const report = response.json.reanchor.claims.find((c: { claimId: string }) => c.claimId === claimIds.get("C6"));
    expect(report).toMatchObject({
      outcome: "adjusted",
      orphaned: false,
      text: c6Gold.content.text.replace("1.3", "1.4"),
      previousText: c6Gold.content.text,
    });
    const c6 = claimOf(await get(seeded.id), claimIds.get("C6")!);
    expect(c6).toMatchObject({ orphaned: false, text: c6Gold.content.text.replace("1.3", "1.4") });
    expect(c6.attributions).toHaveLength(1);
    expect(c6.attributions[0].cue?.text).toBe(c6Gold.cue.text);
  });

  it("orphans C9 when its clause is deleted (keeping its attribution, cue and mention gone) and leaves the others intact", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const cut = rafahText.indexOf("The information also came after");
    const body = `${rafahText.slice(0, cut)}National${rafahText.slice(rafahText.indexOf(" security adviser Jake Sullivan"))}`;
    const response = await patch(seeded.id, { version: 1, body });
    expect(response.status).toBe(200);
    const json = await get(seeded.id);
    for (const gold of golds) {
      const c = claimOf(json, claimIds.get(gold.id)!);
      expect(spanProblem(json.body, c)).toBeNull();
      expect(c.text).toBe(gold.content.text);
      if (gold.id === "C9") {
        expect(c.orphaned).toBe(true);
        expect(json.body.slice(c.start, c.end)).not.toBe(gold.content.text);
        expect(c.attributions).toHaveLength(1);
        expect(c.attributions[0]).toMatchObject({ cue: null, mention: null });
      } else {
        expect(c.orphaned).toBe(false);
        expect(json.body.slice(c.start, c.end)).toBe(gold.content.text);
        expect(json.body.slice(c.attributions[0].cue!.start, c.attributions[0].cue!.end)).toBe(gold.cue.text);
      }
    }
    const outcome = response.json.reanchor;
    expect(outcome.claims.find((c: { claimId: string }) => c.claimId === claimIds.get("C9"))).toMatchObject({
      outcome: "orphaned",
      orphaned: true,
    });
    const c9Attribution = claimOf(json, claimIds.get("C9")!).attributions[0].id;
    expect(
      outcome.attributions.find((a: { attributionId: string }) => a.attributionId === c9Attribution),
    ).toMatchObject({ cue: "lost", mention: "lost" });
    expect(((await latestEvent(seeded.id))!.after as { reanchor: unknown }).reanchor).toEqual(
      JSON.parse(JSON.stringify(outcome)),
    );

    // Putting the clause back re-attaches C9 (its exact text and context are back); cue and mention stay cleared.
    const restored = await patch(seeded.id, { version: 2, body: rafahText });
    expect(
      restored.json.reanchor.claims.find((c: { claimId: string }) => c.claimId === claimIds.get("C9")).outcome,
    ).toBe("reattached");
    const c9 = claimOf(await get(seeded.id), claimIds.get("C9")!);
    expect(c9).toMatchObject({ start: golds[8].content.start, end: golds[8].content.end, orphaned: false });
  });

  it("orphans both claims of the last sentence when the whole sentence is deleted, never deleting them", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const body = `${rafahText.slice(0, rafahText.indexOf("The information also came after")).trimEnd()}\n`;
    expect((await patch(seeded.id, { version: 1, body })).status).toBe(200);
    const json = await get(seeded.id);
    expect(json.claims).toHaveLength(10);
    const orphans = json.claims
      .filter((c: ClaimJson) => c.orphaned)
      .map((c: ClaimJson) => c.id)
      .sort();
    expect(orphans).toEqual([claimIds.get("C9"), claimIds.get("C10")].sort());
    for (const c of json.claims) expect(spanProblem(json.body, c)).toBeNull();
  });

  it("re-anchors emoji and Arabic text and the parts of a split quote", async () => {
    const body = `قال الوزير "سننتصر 🎉" ثم أضاف. "We will win," he said, "whatever it takes."`;
    const a = (await call(articles.POST, "POST", { user: editor, body: { title: unique("emoji"), body } })).json;
    const arabic = body.indexOf("سننتصر");
    const first = await call(claims.POST, "POST", {
      user: editor,
      body: { articleId: a.id, start: arabic, end: arabic + 9 },
    });
    const whole = { start: body.indexOf("We will"), end: body.indexOf("takes.") + 6 };
    const parts = [
      { start: whole.start, end: whole.start + 12 },
      { start: body.indexOf("whatever"), end: whole.end },
    ];
    const split = await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, ...whole, parts } });
    expect([first.status, split.status]).toEqual([201, 201]);
    const newBody = `🔥🔥 ${body.replace("he said", "the coach insisted")}`;
    expect((await patch(a.id, { version: 1, body: newBody })).status).toBe(200);
    const json = await get(a.id);
    const emojiClaim = claimOf(json, first.json.id);
    expect(emojiClaim).toMatchObject({ start: arabic + 5, text: "سننتصر 🎉", orphaned: false });
    const splitClaim = claimOf(json, split.json.id);
    expect(splitClaim.orphaned).toBe(false);
    expect(splitClaim.parts!.map((p) => newBody.slice(p.start, p.end))).toEqual(["We will win,", "whatever it takes."]);
    expect(splitClaim.text).toBe(newBody.slice(splitClaim.start, splitClaim.end));
  });

  it("sends an approved article back to review when its text changes, but not for its URL", async () => {
    const created = (
      await call(articles.POST, "POST", { user: editor, body: { title: unique("approved"), body: "One. Two." } })
    ).json;
    await call(status.POST, "POST", { user: editor, id: created.id, body: { status: "in_review", version: 1 } });
    await call(status.POST, "POST", { user: reviewer, id: created.id, body: { status: "approved", version: 2 } });
    const meta = await patch(created.id, { version: 3, url: "https://example.org/fixed" });
    expect(meta.json).toMatchObject({
      status: "approved",
      version: 4,
      url: "https://example.org/fixed",
      reanchor: null,
    });
    const text = await patch(created.id, { version: 4, body: "One. Two. Three." }, admin);
    // The edit is version 5, the return to review (its own audit event, sourcing-change.ts) 6.
    expect(text.json).toMatchObject({ status: "in_review", version: 6 });
    expect((await latestEvent(created.id))!.before).toMatchObject({ status: "approved" });
  });
});

describe("PATCH /api/articles/:id with metadata", () => {
  it("changes only what was sent, audits before/after, and leaves claims untouched", async () => {
    const { article: seeded } = await seedRafahGold(editor);
    const claimsBefore = (await get(seeded.id)).claims;
    const response = await patch(seeded.id, {
      version: 1,
      title: "  New title  ",
      outlet: "",
      author: " Ana Ruiz ",
      desk: "politics",
      publishedAt: "2024-05-02",
      language: "EN-gb",
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      title: "New title",
      outlet: null,
      author: "Ana Ruiz",
      desk: "politics",
      language: "en-GB",
      publishedAt: "2024-05-02T00:00:00.000Z",
      version: 2,
      reanchor: null,
    });
    expect((await get(seeded.id)).claims).toEqual(claimsBefore);
    const event = await latestEvent(seeded.id);
    expect(event!.before).toEqual({
      title: seeded.title,
      language: "en",
      author: null,
      desk: null,
      publishedAt: null,
      version: 1,
    });
    expect(event!.after).toEqual({
      title: "New title",
      author: "Ana Ruiz",
      desk: "politics",
      language: "en-GB",
      publishedAt: "2024-05-02T00:00:00.000Z",
      version: 2,
    });
  });

  it("writes nothing when every value sent equals the stored one", async () => {
    const created = (
      await call(articles.POST, "POST", { user: editor, body: { title: unique("same"), body: "Same." } })
    ).json;
    const before = await databaseFingerprint();
    const response = await patch(created.id, { version: 1, title: created.title, body: "Same." });
    expect(response.json).toMatchObject({ version: 1, reanchor: null });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("rejected PATCH changes nothing", () => {
  it("refuses a stale version with 409", async () => {
    const { article: seeded } = await seedRafahGold(editor);
    expect((await patch(seeded.id, { version: 1, title: unique("first") })).status).toBe(200);
    const before = await databaseFingerprint();
    const stale = await patch(seeded.id, { version: 1, body: `Intro.\n\n${rafahText}` });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", message: expect.stringContaining("version 2") });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it.each([
    ["no version", { title: "t" }, "version"],
    ["nothing to change", { version: 1 }, ""],
    ["empty body", { version: 1, body: "  " }, "body"],
    ["empty title", { version: 1, title: " " }, "title"],
    ["NUL in body", { version: 1, body: "a\u0000b" }, "body"],
    ["lone surrogate", { version: 1, body: "a\ud800b" }, "body"],
    ["status is not editable here", { version: 1, status: "approved" }, ""],
    ["bad language", { version: 1, language: "not a tag!" }, "language"],
    ["bad url", { version: 1, url: "ftp://x" }, "url"],
  ])("400 for %s", async (_label, body, field) => {
    const { article: seeded } = await seedRafahGold(editor);
    const before = await databaseFingerprint();
    const response = await patch(seeded.id, body);
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe("validation_error");
    expect(response.json.error.issues.some((i: { path: (string | number)[] }) => i.path.join(".") === field)).toBe(
      true,
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("401 without a user, 403 for reviewers, 404 for an unknown article", async () => {
    const created = (
      await call(articles.POST, "POST", { user: editor, body: { title: unique("auth"), body: "Text." } })
    ).json;
    const before = await databaseFingerprint();
    expect((await call(article.PATCH, "PATCH", { id: created.id, body: { version: 1, title: "x" } })).status).toBe(401);
    expect((await patch(created.id, { version: 1, body: "Other." }, reviewer)).status).toBe(403);
    expect((await patch("00000000-0000-4000-8000-000000000000", { version: 1, title: "x" })).status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("DELETE /api/articles/:id", () => {
  it("deletes the article with its statements, claims and attributions, keeps sources, and audits it", async () => {
    const { article: seeded, sourceIds, claimIds } = await seedRafahGold(editor);
    const before = await databaseFingerprint();
    expect(
      (await call(article.DELETE, "DELETE", { user: editor, id: seeded.id, query: { version: "2" } })).status,
    ).toBe(409);
    expect((await call(article.DELETE, "DELETE", { user: reviewer, id: seeded.id })).status).toBe(403);
    expect(await databaseFingerprint()).toEqual(before);
    const response = await call(article.DELETE, "DELETE", { user: admin, id: seeded.id, query: { version: "1" } });
    expect(response.status).toBe(204);
    expect(await db().article.count({ where: { id: seeded.id } })).toBe(0);
    expect(await db().statement.count({ where: { articleId: seeded.id } })).toBe(0);
    expect(await db().claim.count({ where: { id: { in: [...claimIds.values()] } } })).toBe(0);
    expect(await db().attribution.count({ where: { claimId: { in: [...claimIds.values()] } } })).toBe(0);
    expect(await db().source.count({ where: { id: { in: [...sourceIds.values()] } } })).toBe(sourceIds.size);
    const event = await latestEvent(seeded.id);
    expect(event).toMatchObject({ action: "delete", entity: "article", entityId: seeded.id, actorId: admin.id });
    expect((event!.before as { body: string; claims: unknown[] }).body).toBe(rafahText);
    expect((event!.before as { claims: unknown[] }).claims).toHaveLength(10);
    expect((await call(article.DELETE, "DELETE", { user: admin, id: seeded.id })).status).toBe(404);
  });
});

describe("GET /api/articles counts", () => {
  it("counts sentences sourced by attributed claims and the anonymous share, in one page", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const bare = (
      await call(articles.POST, "POST", {
        user: editor,
        body: { title: `${seeded.title} bare`, body: "One. Two. Three." },
      })
    ).json;
    // A claim without attribution sources nothing.
    await call(claims.POST, "POST", { user: editor, body: { articleId: bare.id, start: 0, end: 3 } });
    const list = async () =>
      (await call(articles.GET, "GET", { user: reviewer, query: { q: seeded.title } })).json.items;
    const [bareItem, goldItem] = await list();
    expect(goldItem.counts).toEqual({
      statements: 11,
      claims: 10,
      sentences: 8,
      sourcedSentences: 8,
      sourcedShare: 1,
      anonymousShare: 0.8,
    });
    expect(bareItem.counts).toEqual({
      statements: 3,
      claims: 1,
      sentences: 3,
      sourcedSentences: 0,
      sourcedShare: 0,
      anonymousShare: null,
    });
    expect(goldItem).toMatchObject({ id: seeded.id, title: seeded.title, status: "draft", version: 1, language: "en" });

    // A named source added to an anonymous claim makes it no longer anonymous-only.
    const named = (await call(sources.POST, "POST", { user: editor, body: { type: "person", name: unique("Named") } }))
      .json;
    await call(attributions.POST, "POST", {
      user: editor,
      body: { claimId: claimIds.get("C2"), sourceId: named.id, mode: "paraphrase" },
    });
    // Deleting the clause of C9 orphans it: orphaned claims count as claims but source nothing.
    const cut = rafahText.indexOf("The information also came after");
    await patch(seeded.id, {
      version: 1,
      body: `${rafahText.slice(0, cut)}National${rafahText.slice(rafahText.indexOf(" security adviser Jake Sullivan"))}`,
    });
    const [, edited] = await list();
    expect(edited.counts).toMatchObject({ claims: 10, sentences: 8, sourcedSentences: 8 });
    expect(edited.counts.anonymousShare).toBeCloseTo(6 / 9);
  });
});

describe("PATCH /api/articles/:id with emoji where the report clips", () => {
  it("stores the re-anchoring report when a clipped quote or edit would end inside an emoji", async () => {
    const quoted = `x${"😀".repeat(150)}`;
    const body = `Before. ${quoted} After.`;
    const created = (await call(articles.POST, "POST", { user: editor, body: { title: unique("clip"), body } })).json;
    const start = body.indexOf(quoted);
    const claim = await call(claims.POST, "POST", {
      user: editor,
      body: { articleId: created.id, start, end: start + quoted.length },
    });
    expect(claim.status).toBe(201);
    const response = await patch(created.id, { version: 1, body: `Before. y${"🙂".repeat(150)} After.` });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    const [report] = response.json.reanchor.claims;
    expect(report.outcome).toBe("orphaned");
    expect(report.previousText.isWellFormed()).toBe(true);
    expect(response.json.reanchor.edits.every((e: { removed: string }) => e.removed.isWellFormed())).toBe(true);
  });
});
