import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as articles from "@/app/api/articles/route";
import * as attribution from "@/app/api/attributions/[id]/route";
import * as attributions from "@/app/api/attributions/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, rafahGold, type TestUser, unique } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let editor: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([makeUser("editor"), makeUser("reviewer"), makeUser("admin")]);
});

async function newArticle(body: string) {
  return (await call(articles.POST, "POST", { user: editor, body: { title: unique("claims"), body } })).json;
}
async function newSource(type = "person", name = unique("Someone")) {
  return (await call(sources.POST, "POST", { user: editor, body: { type, name } })).json;
}

describe("claims and attributions on the gold article", () => {
  it("stores every gold claim with its spans, modes, mentions, cues and via chain", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const { json } = await call(article.GET, "GET", { user: reviewer, id: seeded.id });
    expect(json.claims).toHaveLength(10);
    for (const gold of rafahGold.claims) {
      const stored = json.claims.find((c: { id: string }) => c.id === claimIds.get(gold.id));
      expect(stored.text).toBe(gold.content.text);
      const [a] = stored.attributions;
      expect(a.mode).toBe(gold.mode);
      expect(a.cue).toEqual(gold.cue);
      expect(a.mention).toEqual(gold.sourceMention);
      expect(a.via === null).toBe(gold.via === null);
    }
    const c3 = json.claims.find((c: { id: string }) => c.id === claimIds.get("C3"));
    expect(c3.attributions[0].source).toMatchObject({ type: "anonymous_group", name: "Four US officials", count: 4 });
    expect(c3.attributions[0].via).toMatchObject({ type: "media_outlet" });
  });
});

describe("POST /api/claims", () => {
  it("accepts split quotes as parts and emoji-safe spans", async () => {
    const body = `"We will win," he said, "whatever it takes." 🎉 Done.`;
    const a = await newArticle(body);
    const whole = { start: 1, end: body.indexOf("takes.") + 6 };
    const parts = [
      { start: 1, end: 13 },
      { start: body.indexOf("whatever"), end: whole.end },
    ];
    const created = await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, ...whole, parts } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      articleId: a.id,
      ...whole,
      parts,
      text: body.slice(whole.start, whole.end),
      reviewStatus: "pending",
    });
    const emoji = body.indexOf("🎉");
    expect(
      (await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, start: emoji, end: emoji + 2 } }))
        .status,
    ).toBe(201);
  });

  it.each([
    ["end past the article", { start: 0, end: 999 }],
    ["reversed", { start: 5, end: 2 }],
    ["empty", { start: 3, end: 3 }],
    ["negative", { start: -1, end: 2 }],
    ["fractional", { start: 0.5, end: 2 }],
    ["inside an emoji", { start: 0, end: 8 }],
    ["parts not covering the claim", { start: 0, end: 10, parts: [{ start: 0, end: 4 }] }],
    [
      "overlapping parts",
      {
        start: 0,
        end: 10,
        parts: [
          { start: 0, end: 6 },
          { start: 5, end: 10 },
        ],
      },
    ],
    ["string offsets", { start: "0", end: "2" }],
  ])("rejects %s with 400 and changes nothing", async (_label, span) => {
    const a = await newArticle("Hello, 😀 world, said she.");
    const before = await databaseFingerprint();
    const { status, json } = await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, ...span } });
    expect(status).toBe(400);
    expect(json.error.code).toBe("validation_error");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("answers 404 for an unknown article and 403 for reviewers", async () => {
    const missing = await call(claims.POST, "POST", {
      user: editor,
      body: { articleId: "00000000-0000-4000-8000-000000000000", start: 0, end: 1 },
    });
    expect(missing.status).toBe(404);
    const a = await newArticle("Some text.");
    expect(
      (await call(claims.POST, "POST", { user: reviewer, body: { articleId: a.id, start: 0, end: 4 } })).status,
    ).toBe(403);
  });
});

describe("attributions", () => {
  async function setup() {
    const a = await newArticle("The minister said the plan works. Officials agreed.");
    const c = (await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, start: 18, end: 32 } })).json;
    const s = await newSource();
    const created = await call(attributions.POST, "POST", {
      user: editor,
      body: {
        claimId: c.id,
        sourceId: s.id,
        mode: "paraphrase",
        cue: { start: 13, end: 17 },
        mention: { start: 0, end: 12 },
      },
    });
    expect(created.status).toBe(201);
    return { a, c, s, attr: created.json };
  }

  it("creates with cue and mention spans and their text", async () => {
    const { attr, s } = await setup();
    expect(attr).toMatchObject({
      mode: "paraphrase",
      cue: { start: 13, end: 17, text: "said" },
      mention: { text: "The minister" },
      source: { id: s.id },
      via: null,
      version: 1,
    });
  });

  it("validates references and spans", async () => {
    const { c, s } = await setup();
    const before = await databaseFingerprint();
    const base = { claimId: c.id, sourceId: s.id, mode: "paraphrase" };
    const cases: [unknown, number][] = [
      [{ ...base, mode: "rumour" }, 400],
      [{ ...base, cue: { start: 40, end: 400 } }, 400],
      [{ ...base, mention: { start: 4, end: 2 } }, 400],
      [{ ...base, viaSourceId: s.id }, 400],
      [{ ...base, sourceId: "00000000-0000-4000-8000-000000000000" }, 404],
      [{ ...base, viaSourceId: "00000000-0000-4000-8000-000000000000" }, 404],
      [{ ...base, claimId: "00000000-0000-4000-8000-000000000000" }, 404],
      [{ ...base, sourceId: "nope" }, 400],
      [{ ...base, surprise: true }, 400],
    ];
    for (const [body, expected] of cases) {
      const { status, json } = await call(attributions.POST, "POST", { user: editor, body });
      expect({ body, status }).toEqual({ body, status: expected });
      expect(json.error).toBeDefined();
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets exactly one of two editors with the same version win", async () => {
    const { attr } = await setup();
    const via = await newSource("media_outlet", unique("Wire"));
    const [one, two] = await Promise.all([
      call(attribution.PATCH, "PATCH", { user: editor, id: attr.id, body: { version: 1, mode: "direct_quote" } }),
      call(attribution.PATCH, "PATCH", { user: admin, id: attr.id, body: { version: 1, viaSourceId: via.id } }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const loser = one.status === 409 ? one : two;
    expect(loser.json.error.code).toBe("conflict");
    const stored = await db().attribution.findUniqueOrThrow({ where: { id: attr.id } });
    expect(stored.version).toBe(2);
    expect(stored.mode === "direct_quote").toBe(one.status === 200);
  });

  it("clears spans with null, deletes with an optional version, and audits each change", async () => {
    const { attr, a } = await setup();
    const cleared = await call(attribution.PATCH, "PATCH", {
      user: editor,
      id: attr.id,
      body: { version: 1, cue: null, note: "checked" },
    });
    expect(cleared.json).toMatchObject({ cue: null, note: "checked", version: 2, mention: { start: 0, end: 12 } });
    expect(
      (await call(attribution.DELETE, "DELETE", { user: editor, id: attr.id, query: { version: "1" } })).status,
    ).toBe(409);
    expect((await call(attribution.DELETE, "DELETE", { user: reviewer, id: attr.id })).status).toBe(403);
    const deleted = await call(attribution.DELETE, "DELETE", { user: editor, id: attr.id, query: { version: "2" } });
    expect(deleted).toMatchObject({ status: 200, json: { id: attr.id, auditEventId: expect.stringMatching(/^\d+$/) } });
    expect((await call(attribution.DELETE, "DELETE", { user: editor, id: attr.id })).status).toBe(404);
    const events = await db().auditEvent.findMany({
      where: { articleId: a.id, entity: "attribution" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    expect((events[2].before as { note: string }).note).toBe("checked");
  });

  it("deleting a claim removes its attributions in the same transaction", async () => {
    const { c, attr } = await setup();
    expect((await call(claim.DELETE, "DELETE", { user: editor, id: c.id })).status).toBe(200);
    expect(await db().attribution.findUnique({ where: { id: attr.id } })).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "delete" } });
    expect((event.before as { attributions: unknown[] }).attributions).toHaveLength(1);
  });
});

describe("review status", () => {
  it("reviewers approve or flag claims; editors cannot", async () => {
    const a = await newArticle("They said it rained.");
    const c = (await call(claims.POST, "POST", { user: editor, body: { articleId: a.id, start: 10, end: 19 } })).json;
    expect(
      (await call(claim.PATCH, "PATCH", { user: editor, id: c.id, body: { version: 1, reviewStatus: "approved" } }))
        .status,
    ).toBe(403);
    const flagged = await call(claim.PATCH, "PATCH", {
      user: reviewer,
      id: c.id,
      body: { version: 1, reviewStatus: "flagged", reviewComment: "Who are they?" },
    });
    expect(flagged.json).toMatchObject({ reviewStatus: "flagged", reviewComment: "Who are they?", version: 2 });
    expect(
      (await call(claim.PATCH, "PATCH", { user: reviewer, id: c.id, body: { version: 1, reviewStatus: "approved" } }))
        .status,
    ).toBe(409);
    expect(
      (await call(claim.PATCH, "PATCH", { user: reviewer, id: c.id, body: { version: 2, reviewStatus: "maybe" } }))
        .status,
    ).toBe(400);
  });
});

describe("GET /api/claims", () => {
  it("filters by source type, anonymity, mode, review status and text, and pages by cursor", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const list = async (query: Record<string, string>) => {
      const { status, json } = await call(claims.GET, "GET", {
        user: reviewer,
        query: { articleId: seeded.id, limit: "200", ...query },
      });
      expect(status).toBe(200);
      return new Set(json.items.map((c: { id: string }) => c.id));
    };
    const ids = (...gold: string[]) => new Set(gold.map((g) => claimIds.get(g)));
    expect(await list({})).toEqual(ids("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"));
    expect(await list({ sourceType: "anonymous_group" })).toEqual(ids("C2", "C3", "C4", "C5", "C6", "C9"));
    expect(await list({ sourceType: "person,organization" })).toEqual(ids("C1", "C10"));
    expect(await list({ anonymous: "true" })).toEqual(ids("C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"));
    expect(await list({ anonymous: "false" })).toEqual(ids("C1", "C10"));
    expect(await list({ mode: "direct_quote" })).toEqual(ids("C8"));
    expect(await list({ q: "ill-considered" })).toEqual(ids("C10"));
    expect(await list({ q: "informed sources" })).toEqual(ids("C9"));
    expect(await list({ reviewStatus: "approved" })).toEqual(ids());

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { json } = await call(claims.GET, "GET", {
        user: reviewer,
        query: { articleId: seeded.id, limit: "3", ...(cursor ? { cursor } : {}) },
      });
      expect(json.items.length).toBeLessThanOrEqual(3);
      seen.push(...json.items.map((c: { id: string }) => c.id));
      cursor = json.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect((await call(claims.GET, "GET", { user: reviewer, query: { mode: "gossip" } })).status).toBe(400);
    expect((await call(claims.GET, "GET", {})).status).toBe(401);
  });
});
