import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as status from "@/app/api/articles/[id]/status/route";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});

const BODY = 'The minister said the plan works and "will be finished soon". Officials agreed. 😀 Done.';

/** An article with one claim ("the plan works") attributed to a minister, cue and mention marked. */
async function setup() {
  const a = (await call(articles.POST, "POST", { user: editor, body: { title: unique("span"), body: BODY } })).json;
  const start = BODY.indexOf("the plan");
  const c = (
    await call(claims.POST, "POST", {
      user: editor,
      body: { articleId: a.id, start, end: start + "the plan works".length },
    })
  ).json;
  const s = (await call(sources.POST, "POST", { user: editor, body: { type: "person", name: unique("Minister") } }))
    .json;
  const attribution = (
    await call(attributions.POST, "POST", {
      user: editor,
      body: {
        claimId: c.id,
        sourceId: s.id,
        mode: "paraphrase",
        cue: { start: 13, end: 17 },
        mention: { start: 0, end: 12 },
      },
    })
  ).json;
  return { a, c, attribution };
}

describe("PATCH /api/claims/:id with a new span", () => {
  it("widens a claim and keeps its attributions, cue and mention, with an audit event", async () => {
    const { a, c, attribution } = await setup();
    const end = BODY.indexOf(". Officials");
    const { status, json } = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end, version: 1 },
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: c.id,
      start: c.start,
      end,
      text: 'the plan works and "will be finished soon"',
      version: 2,
      orphaned: false,
      parts: null,
    });
    expect(json.attributions).toHaveLength(1);
    expect(json.attributions[0]).toMatchObject({
      id: attribution.id,
      version: attribution.version,
      cue: { text: "said" },
      mention: { text: "The minister" },
    });
    const stored = (await call(article.GET, "GET", { user: reviewer, id: a.id })).json;
    expect(stored.claims[0]).toMatchObject({
      end,
      prefix: "The minister said ",
      suffix: ". Officials agreed. 😀 Done.",
    });
    const events = await db().auditEvent.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    expect(events[1].before).toMatchObject({ start: c.start, end: c.end, text: "the plan works", version: 1 });
    expect(events[1].after).toMatchObject({ end, version: 2 });
  });

  it("takes split-quote parts with the span, and a span alone makes the claim one piece", async () => {
    const { c } = await setup();
    const quote = BODY.indexOf('"will');
    const end = BODY.indexOf(". Officials");
    const parts = [
      { start: c.start, end: c.end },
      { start: quote, end },
    ];
    const split = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end, parts, version: 1 },
    });
    expect(split.status).toBe(200);
    expect(split.json.parts).toEqual(parts);
    const whole = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end, version: 2 },
    });
    expect(whole.json.parts).toBeNull();
  });

  it("refuses a bad span, a stale version, both kinds of change at once and the wrong role, changing nothing", async () => {
    const { c } = await setup();
    const before = await databaseFingerprint();
    const emoji = BODY.indexOf("😀");
    const cases: [Record<string, unknown>, TestUser, number][] = [
      [{ start: 5, end: 5, version: 1 }, editor, 400],
      [{ start: 0, end: BODY.length + 1, version: 1 }, editor, 400],
      [{ start: emoji + 1, end: BODY.length, version: 1 }, editor, 400],
      [{ start: 0, version: 1 }, editor, 400],
      [{ start: 0, end: 10, parts: [{ start: 2, end: 10 }], version: 1 }, editor, 400],
      [{ start: 0, end: 10, reviewStatus: "approved", version: 1 }, editor, 400],
      [{ start: 0, end: 10, version: 7 }, editor, 409],
      [{ start: 0, end: 10, version: 1 }, reviewer, 403],
      [{ reviewStatus: "approved", version: 1 }, editor, 403],
    ];
    for (const [body, user, expected] of cases) {
      const { status, json } = await call(claim.PATCH, "PATCH", { user, id: c.id, body });
      expect({ body, status }).toEqual({ body, status: expected });
      expect(json.error.code).toBeDefined();
    }
    expect((await call(claim.PATCH, "PATCH", { id: c.id, body: { start: 0, end: 3, version: 1 } })).status).toBe(401);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses hostile numbers and parts with 400 and a stale version with 409, in the error shape", async () => {
    const { c } = await setup();
    const before = await databaseFingerprint();
    const bad: Record<string, unknown>[] = [
      { start: 10, end: 5, version: 1 },
      { start: -1, end: 5, version: 1 },
      { start: 1.5, end: 5, version: 1 },
      { start: "0", end: 5, version: 1 },
      { start: null, end: 5, version: 1 },
      { start: 0, end: 1e308, version: 1 },
      { start: 0, end: 2 ** 53, version: 1 },
      { start: 0, end: 10, version: 0 },
      { start: 0, end: 10, version: 2 ** 31 },
      { start: 0, end: 10, version: "1" },
      { start: 0, end: 10, parts: [], version: 1 },
      { start: 0, end: 10, parts: [{ start: 0, end: 11 }], version: 1 },
      {
        start: 0,
        end: 10,
        parts: [
          { start: 0, end: 4 },
          { start: 3, end: 10 },
        ],
        version: 1,
      },
      {
        start: 0,
        end: 10,
        parts: [
          { start: 5, end: 10 },
          { start: 0, end: 4 },
        ],
        version: 1,
      },
      { start: 0, end: 10, parts: [{ start: 0, end: 10, extra: 1 }], version: 1 },
      { start: 0, end: 10, parts: Array.from({ length: 51 }, () => ({ start: 0, end: 10 })), version: 1 },
      { start: 0, end: 10, parts: { start: 0, end: 10 }, version: 1 },
      { start: 0, end: 10, version: 1, extra: true },
      { parts: null, version: 1 },
    ];
    for (const body of bad) {
      const { status, json } = await call(claim.PATCH, "PATCH", { user: editor, id: c.id, body });
      expect({ body, status, code: json.error?.code }).toEqual({ body, status: 400, code: "validation_error" });
    }
    const raw = await call(claim.PATCH, "PATCH", { user: editor, id: c.id, rawBody: '{"start":NaN,"end":5}' });
    expect(raw.status).toBe(400);
    const stale = await call(claim.PATCH, "PATCH", { user: editor, id: c.id, body: { start: 0, end: 10, version: 2 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", message: expect.stringContaining("version 1") });
    const gone = "00000000-0000-4000-8000-000000000000";
    expect(
      (await call(claim.PATCH, "PATCH", { user: editor, id: gone, body: { start: 0, end: 3, version: 1 } })).status,
    ).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("saving the span a claim already has writes nothing and leaves an approved article approved", async () => {
    const { a, c } = await setup();
    const move = (user: TestUser, to: string, version: number) =>
      call(status.POST, "POST", { user, id: a.id, body: { status: to, version } });
    expect((await move(editor, "in_review", 1)).status).toBe(200);
    expect((await move(reviewer, "approved", 2)).status).toBe(200);
    const before = await databaseFingerprint();
    const same = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end: c.end, version: c.version },
    });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ id: c.id, start: c.start, end: c.end, version: c.version });
    expect(await databaseFingerprint()).toEqual(before);
    // Split into parts, then the same parts again: jsonb's key order must not make it a change.
    const parts = [
      { start: c.start, end: c.start + 3 },
      { start: c.start + 4, end: c.end },
    ];
    const split = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end: c.end, parts, version: c.version },
    });
    expect(split.json.version).toBe(c.version + 1);
    const again = await databaseFingerprint();
    const resent = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end: c.end, parts, version: split.json.version },
    });
    expect(resent.status).toBe(200);
    expect(await databaseFingerprint()).toEqual(again);
  });

  it("sends an approved article back to review: what a claim quotes is its sourcing", async () => {
    const { a, c } = await setup();
    const move = (user: TestUser, to: string, version: number) =>
      call(status.POST, "POST", { user, id: a.id, body: { status: to, version } });
    expect((await move(editor, "in_review", 1)).status).toBe(200);
    expect((await move(reviewer, "approved", 2)).status).toBe(200);
    const widened = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start: c.start, end: BODY.indexOf(". Officials"), version: 1 },
    });
    expect(widened.status).toBe(200);
    const stored = (await call(article.GET, "GET", { user: reviewer, id: a.id })).json;
    expect(stored).toMatchObject({ status: "in_review", version: 4 });
    const event = await db().auditEvent.findFirst({ where: { entityId: a.id }, orderBy: { id: "desc" } });
    expect(event?.after).toMatchObject({ status: "in_review", cause: "claim.span" });
  });

  it("anchors an orphaned claim again at the span it is given", async () => {
    const { a, c } = await setup();
    const edited = BODY.replace("the plan works", "the scheme fails");
    const patch = await call(article.PATCH, "PATCH", {
      user: editor,
      id: a.id,
      body: { version: a.version, body: edited },
    });
    expect(patch.status).toBe(200);
    const orphan = patch.json.claims.find((x: { id: string }) => x.id === c.id);
    expect(orphan.orphaned).toBe(true);
    const start = edited.indexOf("the scheme");
    const fixed = await call(claim.PATCH, "PATCH", {
      user: editor,
      id: c.id,
      body: { start, end: start + "the scheme fails".length, version: orphan.version },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.json).toMatchObject({ orphaned: false, text: "the scheme fails" });
  });
});
