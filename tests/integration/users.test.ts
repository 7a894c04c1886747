import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as token from "@/app/api/tokens/[id]/route";
import * as user from "@/app/api/users/[id]/route";
import * as userTokens from "@/app/api/users/[id]/tokens/route";
import * as users from "@/app/api/users/route";
import { findUserBySession } from "@/lib/auth/find-user";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, type TestUser, unique } from "./helpers";

let admin: TestUser;
let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [admin, editor, reviewer] = await Promise.all([makeUser("admin"), makeUser("editor"), makeUser("reviewer")]);
});

/** Everything the audit log holds about users and tokens, as text: no secret may appear in it. */
async function auditText(entityIds: string[]) {
  const events = await db().auditEvent.findMany({ where: { entityId: { in: entityIds } } });
  return JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

describe("users", () => {
  it("lets admins create, list and change users; never answers or audits a hash", async () => {
    const email = `${unique("new")}@test.local`;
    const created = await call(users.POST, "POST", {
      user: admin,
      body: { email: email.toUpperCase(), name: "New Person", role: "reviewer", password: "a good password" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email, name: "New Person", role: "reviewer" });
    expect(Object.keys(created.json).sort()).toEqual(["createdAt", "email", "id", "name", "role", "updatedAt"]);

    const list = await call(users.GET, "GET", { user: admin });
    expect(list.status).toBe(200);
    expect(list.json.items.find((u: { email: string }) => u.email === email)).toMatchObject({
      id: created.json.id,
      role: "reviewer",
    });
    expect(JSON.stringify(list.json)).not.toMatch(/scrypt|passwordHash/);

    const changed = await call(user.PATCH, "PATCH", {
      user: admin,
      id: created.json.id,
      body: { role: "editor", name: "Renamed", password: "another good one" },
    });
    expect(changed).toMatchObject({ status: 200, json: { id: created.json.id, role: "editor", name: "Renamed" } });
    const stored = await db().user.findUniqueOrThrow({ where: { id: created.json.id } });
    const audit = await auditText([created.json.id]);
    expect(audit).toContain('"passwordChanged":true');
    for (const secret of ["a good password", "another good one", stored.passwordHash])
      expect(audit).not.toContain(secret);
  });

  it("refuses a duplicate email with 409 and invalid input with 400, changing nothing", async () => {
    const before = await databaseFingerprint();
    const duplicate = await call(users.POST, "POST", {
      user: admin,
      body: { email: editor.email, name: "Dup", role: "editor", password: "long enough" },
    });
    expect(duplicate).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    const short = await call(users.POST, "POST", {
      user: admin,
      body: { email: `${unique("s")}@test.local`, name: "S", role: "editor", password: "short" },
    });
    expect(short).toMatchObject({ status: 400, json: { error: { code: "validation_error" } } });
    const nothing = await call(user.PATCH, "PATCH", { user: admin, id: editor.id, body: {} });
    expect(nothing.status).toBe(400);
    const badRole = await call(user.PATCH, "PATCH", { user: admin, id: editor.id, body: { role: "owner" } });
    expect(badRole.status).toBe(400);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("ends a user's sessions when an admin sets a new password", async () => {
    const target = await makeUser("editor");
    const { token: session } = await createSession(target.id);
    expect(await findUserBySession(session)).not.toBeNull();
    expect(
      (await call(user.PATCH, "PATCH", { user: admin, id: target.id, body: { password: "reset by admin" } })).status,
    ).toBe(200);
    expect(await findUserBySession(session)).toBeNull();
  });

  it("revokes the user's API tokens with a password reset, unless the admin keeps them explicitly", async () => {
    // A token minted with a stolen session must not outlive the reset of the compromised account.
    const target = await makeUser("editor");
    const stolen = await call(userTokens.POST, "POST", {
      user: target,
      id: target.id,
      body: { name: "minted by thief" },
    });
    const thief = { ...target, token: stolen.json.token as string };
    expect((await call(articles.GET, "GET", { user: thief })).status).toBe(200);
    const reset = await call(user.PATCH, "PATCH", { user: admin, id: target.id, body: { password: "reset by admin" } });
    expect(reset).toMatchObject({ status: 200, json: { id: target.id, sessionsEnded: 0, tokensRevoked: 2 } });
    for (const who of [thief, target])
      expect(await call(articles.GET, "GET", { user: who })).toMatchObject({
        status: 401,
        json: { error: { code: "unauthenticated" } },
      });
    expect(await auditText([target.id])).toContain('"tokensRevoked":2');

    // Keeping them is a deliberate choice (a password typo fixed, nothing stolen).
    const kept = await makeUser("reviewer");
    const keep = await call(user.PATCH, "PATCH", {
      user: admin,
      id: kept.id,
      body: { password: "another reset", revokeTokens: false },
    });
    expect(keep).toMatchObject({ status: 200, json: { tokensRevoked: 0 } });
    expect((await call(articles.GET, "GET", { user: kept })).status).toBe(200);

    const before = await databaseFingerprint();
    const alone = await call(user.PATCH, "PATCH", { user: admin, id: kept.id, body: { revokeTokens: true } });
    expect(alone).toMatchObject({ status: 400, json: { error: { code: "validation_error" } } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("never demotes the last admin (409), even when two admins demote each other at once", async () => {
    // Other test files leave admins behind: demote all but two, ours, through the database.
    const a1 = await makeUser("admin");
    const a2 = await makeUser("admin");
    const others = await db().user.findMany({
      where: { role: "admin", id: { notIn: [a1.id, a2.id] } },
      select: { id: true },
    });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "editor" } });
    try {
      const [r1, r2] = await Promise.all([
        call(user.PATCH, "PATCH", { user: a1, id: a2.id, body: { role: "editor" } }),
        call(user.PATCH, "PATCH", { user: a2, id: a1.id, body: { role: "reviewer" } }),
      ]);
      // Whoever lost the race is no admin any more (403) or hit the last-admin rule (409).
      const statuses = [r1.status, r2.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await db().user.count({ where: { role: "admin" } })).toBe(1);
      const last = (await db().user.findFirstOrThrow({ where: { role: "admin" } })).id;
      const lastAdmin = last === a1.id ? a1 : a2;
      const self = await call(user.PATCH, "PATCH", { user: lastAdmin, id: last, body: { role: "editor" } });
      expect(self).toMatchObject({
        status: 409,
        json: { error: { code: "conflict", message: expect.stringContaining("last admin") } },
      });
      expect(await db().user.count({ where: { role: "admin" } })).toBe(1);
    } finally {
      await db().user.updateMany({
        where: { id: { in: [...others.map((o) => o.id), a1.id, a2.id] } },
        data: { role: "admin" },
      });
    }
  });
});

describe("API tokens", () => {
  it("shows a new token once, lists tokens without secrets, and revokes them", async () => {
    const created = await call(userTokens.POST, "POST", { user: admin, id: editor.id, body: { name: "CMS import" } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(["createdAt", "id", "name", "token"]);
    const secret: string = created.json.token;
    expect(secret).toMatch(/^sdt_/);
    const viaToken = { ...editor, token: secret };
    expect((await call(articles.GET, "GET", { user: viaToken })).status).toBe(200);

    const listed = await call(userTokens.GET, "GET", { user: editor, id: editor.id });
    expect(listed.status).toBe(200);
    const row = listed.json.items.find((t: { id: string }) => t.id === created.json.id);
    expect(Object.keys(row).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "revokedAt"]);
    expect(row.lastUsedAt).not.toBeNull();
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.json.id } });
    for (const text of [JSON.stringify(listed.json), await auditText([created.json.id])]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(stored.tokenHash);
    }

    const revoked = await call(token.DELETE, "DELETE", { user: admin, id: created.json.id });
    expect(revoked).toMatchObject({ status: 200, json: { id: created.json.id, name: "CMS import" } });
    expect(revoked.json.revokedAt).not.toBeNull();
    expect((await call(articles.GET, "GET", { user: viaToken })).status).toBe(401);
    // Revoking again changes nothing.
    const before = await databaseFingerprint();
    expect((await call(token.DELETE, "DELETE", { user: admin, id: created.json.id })).json.revokedAt).toBe(
      revoked.json.revokedAt,
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets any user manage their own tokens but nobody else's, and says nothing of which others exist", async () => {
    const own = await call(userTokens.POST, "POST", { user: reviewer, id: reviewer.id, body: { name: "my script" } });
    expect(own.status).toBe(201);
    const before = await databaseFingerprint();
    for (const [handler, method, id] of [
      [userTokens.POST, "POST", editor.id],
      [userTokens.GET, "GET", editor.id],
    ] as const) {
      expect(
        await call(handler, method, { user: reviewer, id, body: method === "POST" ? { name: "x" } : undefined }),
      ).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    }
    const editorsToken = await db().apiToken.findFirstOrThrow({ where: { userId: editor.id, revokedAt: null } });
    expect((await call(token.DELETE, "DELETE", { user: reviewer, id: editorsToken.id })).status).toBe(403);
    // Someone else's user or token, existing or not, is the same 403 to a non-admin: a 404 for the
    // unknown ones would tell which user and token ids exist. Admins, who may see them all, get 404.
    for (const [handler, method] of [
      [userTokens.POST, "POST"],
      [userTokens.GET, "GET"],
      [token.DELETE, "DELETE"],
    ] as const) {
      const id = crypto.randomUUID();
      const body = method === "POST" ? { name: "x" } : undefined;
      expect((await call(handler, method, { user: reviewer, id, body })).status, method).toBe(403);
      expect((await call(handler, method, { user: admin, id, body })).status, method).toBe(404);
    }
    expect((await call(token.DELETE, "DELETE", { user: reviewer, id: "not-a-uuid" })).status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
    expect((await call(token.DELETE, "DELETE", { user: reviewer, id: own.json.id })).status).toBe(200);
  });
});
