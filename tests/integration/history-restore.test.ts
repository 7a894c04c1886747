import { beforeAll, describe, expect, it } from "vitest";
import * as history from "@/app/api/articles/[id]/history/route";
import * as article from "@/app/api/articles/[id]/route";
import * as attribution from "@/app/api/attributions/[id]/route";
import * as attributionRestore from "@/app/api/attributions/restore/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claimRestore from "@/app/api/claims/restore/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, rafahText, type TestUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
});

interface HistoryItem {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  actor: { id: string; name: string; role: string } | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

const getArticle = async (id: string) => (await call(article.GET, "GET", { user: reviewer, id })).json;
const readHistory = async (id: string, query: Record<string, string> = {}) =>
  call(history.GET, "GET", { user: reviewer, id, query });
const lastDeletion = (entityId: string) =>
  db().auditEvent.findFirst({ where: { entityId, action: "delete" }, orderBy: { id: "desc" } });

describe("GET /api/articles/:id/history", () => {
  it("lists the article's audit events newest first, with actors, paged by cursor", async () => {
    const { article: seeded } = await seedRafahGold(editor);
    const first = await readHistory(seeded.id, { limit: "5" });
    expect(first.status).toBe(200);
    // 1 article + 10 claims + 10 attributions created through the API, all recorded against the article.
    const all: HistoryItem[] = [...first.json.items];
    let cursor = first.json.nextCursor;
    while (cursor) {
      const page = await readHistory(seeded.id, { limit: "5", cursor });
      all.push(...page.json.items);
      cursor = page.json.nextCursor;
    }
    expect(all).toHaveLength(21);
    expect(first.json.items).toHaveLength(5);
    const ids = all.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    expect(all.at(-1)).toMatchObject({
      action: "create",
      entity: "article",
      entityId: seeded.id,
      before: null,
      actor: { id: editor.id, name: "Test editor", role: "editor" },
    });
    expect(Object.keys(all[0]).sort()).toEqual([
      "action",
      "actor",
      "after",
      "before",
      "createdAt",
      "entity",
      "entityId",
      "id",
    ]);
    expect(all[0]).toMatchObject({ action: "create", entity: "attribution" });
  });

  it("shows the newest change first and validates its query", async () => {
    const { article: seeded } = await seedRafahGold(editor);
    await call(article.PATCH, "PATCH", { user: editor, id: seeded.id, body: { version: 1, title: "Retitled" } });
    const { json } = await readHistory(seeded.id, { limit: "1" });
    expect(json.items[0]).toMatchObject({
      action: "update",
      entity: "article",
      after: { title: "Retitled", version: 2 },
    });
    expect((await readHistory(seeded.id, { cursor: "abc" })).status).toBe(400);
    expect((await readHistory(seeded.id, { limit: "0" })).status).toBe(400);
    expect((await readHistory("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(history.GET, "GET", { id: seeded.id })).status).toBe(401);
  });
});

describe("POST /api/claims/restore", () => {
  it("recreates a deleted claim with its attributions exactly (same ids, spans and fields), audited as a create", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const id = claimIds.get("C3")!;
    const before = await getArticle(seeded.id);
    expect([200, 204]).toContain((await call(claim.DELETE, "DELETE", { user: editor, id })).status);
    expect((await getArticle(seeded.id)).claims).toHaveLength(9);
    const restored = await call(claimRestore.POST, "POST", { user: editor, body: { claimId: id } });
    expect(restored.status).toBe(201);
    const after = await getArticle(seeded.id);
    expect(after.claims).toEqual(before.claims);
    expect(restored.json).toEqual(before.claims.find((c: { id: string }) => c.id === id));
    const event = await db().auditEvent.findFirst({ where: { entityId: id }, orderBy: { id: "desc" } });
    const deletion = await lastDeletion(id);
    expect(event).toMatchObject({ action: "create", entity: "claim", actorId: editor.id, articleId: seeded.id });
    expect(event!.after).toMatchObject({
      id,
      restoredFrom: deletion!.id.toString(),
      attributions: [{ via: { name: expect.stringContaining("Politico") } }],
    });
  });

  it("takes the deletion's audit event id too, and refuses a second restore with 409", async () => {
    const { claimIds } = await seedRafahGold(editor);
    const id = claimIds.get("C7")!;
    await call(claim.DELETE, "DELETE", { user: editor, id });
    const deletion = await lastDeletion(id);
    expect(
      (await call(claimRestore.POST, "POST", { user: editor, body: { auditEventId: deletion!.id.toString() } })).status,
    ).toBe(201);
    const before = await databaseFingerprint();
    const again = await call(claimRestore.POST, "POST", {
      user: editor,
      body: { auditEventId: deletion!.id.toString() },
    });
    expect(again).toMatchObject({
      status: 409,
      json: { error: { code: "conflict", message: expect.stringContaining("already been restored") } },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses (409, nothing changed) when the article text no longer holds the claim", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const id = claimIds.get("C10")!;
    await call(claim.DELETE, "DELETE", { user: editor, id });
    await call(article.PATCH, "PATCH", {
      user: editor,
      id: seeded.id,
      body: { version: 1, body: `Intro.\n\n${rafahText}` },
    });
    const before = await databaseFingerprint();
    const response = await call(claimRestore.POST, "POST", { user: editor, body: { claimId: id } });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toMatch(/article text changed/);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses (409) when a source of its attributions no longer exists", async () => {
    const { claimIds, sourceIds } = await seedRafahGold(editor);
    const id = claimIds.get("C10")!;
    await call(claim.DELETE, "DELETE", { user: editor, id });
    await db().source.delete({ where: { id: sourceIds.get("jake-sullivan") } });
    const before = await databaseFingerprint();
    const response = await call(claimRestore.POST, "POST", { user: editor, body: { claimId: id } });
    expect(response).toMatchObject({ status: 409, json: { error: { message: expect.stringContaining("source") } } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("validates the request and the event, and is for editors and admins only", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const id = claimIds.get("C1")!;
    await call(claim.DELETE, "DELETE", { user: editor, id });
    const creation = await db().auditEvent.findFirst({
      where: { articleId: seeded.id, action: "create", entity: "article" },
    });
    const before = await databaseFingerprint();
    const post = (body: unknown, user: TestUser | null = editor) => call(claimRestore.POST, "POST", { user, body });
    expect((await post({})).status).toBe(400);
    expect((await post({ claimId: id, auditEventId: "1" })).status).toBe(400);
    expect((await post({ auditEventId: "12x" })).status).toBe(400);
    expect((await post({ auditEventId: creation!.id.toString() })).json.error).toMatchObject({
      code: "validation_error",
      message: expect.stringContaining("not the deletion of a claim"),
    });
    expect((await post({ auditEventId: "999999999999" })).status).toBe(404);
    expect((await post({ claimId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await post({ claimId: id }, reviewer)).status).toBe(403);
    expect((await post({ claimId: id }, null)).status).toBe(401);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("POST /api/attributions/restore", () => {
  it("recreates a single deleted attribution exactly", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const before = await getArticle(seeded.id);
    const c8 = before.claims.find((c: { id: string }) => c.id === claimIds.get("C8"));
    const attributionId = c8.attributions[0].id;
    expect([200, 204]).toContain(
      (await call(attribution.DELETE, "DELETE", { user: editor, id: attributionId, query: { version: "1" } })).status,
    );
    const restored = await call(attributionRestore.POST, "POST", { user: editor, body: { attributionId } });
    expect(restored.status).toBe(201);
    expect(restored.json).toEqual(c8.attributions[0]);
    expect((await getArticle(seeded.id)).claims).toEqual(before.claims);
    const event = await db().auditEvent.findFirst({ where: { entityId: attributionId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "create",
      entity: "attribution",
      after: {
        id: attributionId,
        mention: { text: "he" },
        restoredFrom: (await lastDeletion(attributionId))!.id.toString(),
      },
    });
  });

  it("refuses (409) when its claim was deleted, and 400 for a claim's deletion event", async () => {
    const { article: seeded, claimIds } = await seedRafahGold(editor);
    const c2 = (await getArticle(seeded.id)).claims.find((c: { id: string }) => c.id === claimIds.get("C2"));
    await call(attribution.DELETE, "DELETE", { user: editor, id: c2.attributions[0].id });
    await call(claim.DELETE, "DELETE", { user: editor, id: c2.id });
    const before = await databaseFingerprint();
    const orphan = await call(attributionRestore.POST, "POST", {
      user: editor,
      body: { attributionId: c2.attributions[0].id },
    });
    expect(orphan).toMatchObject({
      status: 409,
      json: { error: { message: expect.stringContaining("restore the claim first") } },
    });
    const claimDeletion = await lastDeletion(c2.id);
    expect(
      (
        await call(attributionRestore.POST, "POST", {
          user: editor,
          body: { auditEventId: claimDeletion!.id.toString() },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(attributionRestore.POST, "POST", { user: reviewer, body: { attributionId: c2.attributions[0].id } }))
        .status,
    ).toBe(403);
    expect(await databaseFingerprint()).toEqual(before);
    // Restoring the claim first (it had no attribution left when deleted), then the attribution, rebuilds both.
    expect(
      (await call(claimRestore.POST, "POST", { user: editor, body: { claimId: c2.id } })).json.attributions,
    ).toEqual([]);
    expect(
      (await call(attributionRestore.POST, "POST", { user: editor, body: { attributionId: c2.attributions[0].id } }))
        .status,
    ).toBe(201);
    expect((await getArticle(seeded.id)).claims.find((c: { id: string }) => c.id === c2.id)).toEqual(c2);
  });
});
