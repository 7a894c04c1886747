import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import { findUserByApiToken, findUserBySession } from "@/lib/auth/find-user";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { cachingIdentities } from "@/lib/auth/user-cache";
import { db } from "@/lib/db";
import { revokeApiToken } from "@/lib/users/api-tokens";
import { call, makeUser, type TestUser } from "./helpers";

// Another app server (or a script) writing to the same database: its own connection, not this
// process's pools, so only the triggers' notifications can tell this process what changed.
let other: pg.Client;
beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await findUserBySession("nobody"); // starts the listener
  await msUntil(async () => cachingIdentities());
});
afterAll(() => other.end());

/** Milliseconds until `check` holds (fails after 3 s). */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > 3_000) throw new Error("not within 3 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

/** Renames a user with the notifying trigger off: only a lookup that reads the database sees it. */
async function renameUnnotified(user: TestUser, name: string) {
  await other.query(`ALTER TABLE "User" DISABLE TRIGGER "User_auth_change"`);
  try {
    await other.query(`UPDATE "User" SET name = $2 WHERE id = $1`, [user.id, name]);
  } finally {
    await other.query(`ALTER TABLE "User" ENABLE TRIGGER "User_auth_change"`);
  }
}

const nameOf = async (user: TestUser) => (await findUserByApiToken(user.token))?.name;

describe("the cache of who a token belongs to", () => {
  it("answers from memory until a change is notified, and forgets within a second of one", async () => {
    const user = await makeUser("editor");
    expect(await nameOf(user)).toBe("Test editor");
    // A rename nobody is told about is not seen: the answer came from memory.
    await renameUnnotified(user, "Unseen");
    expect(await nameOf(user)).toBe("Test editor");
    await other.query(`UPDATE "User" SET name = 'Renamed', role = 'reviewer' WHERE id = $1`, [user.id]);
    expect(await msUntil(async () => (await nameOf(user)) === "Renamed")).toBeLessThan(1_000);
    expect((await findUserByApiToken(user.token))?.role).toBe("reviewer");
  });

  it("stops a token revoked by another server within a second, and one revoked here at once", async () => {
    const elsewhere = await makeUser("editor");
    expect((await call(articles.GET, "GET", { user: elsewhere })).status).toBe(200);
    await other.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = $1`, [elsewhere.id]);
    expect(await msUntil(async () => (await findUserByApiToken(elsewhere.token)) === null)).toBeLessThan(1_000);

    const here = await makeUser("editor");
    const admin = await makeUser("admin");
    expect((await call(articles.GET, "GET", { user: here })).status).toBe(200);
    const [token] = await db().apiToken.findMany({ where: { userId: here.id } });
    await revokeApiToken(token.id, { ...admin, name: "Test admin" });
    expect(await call(articles.GET, "GET", { user: here })).toMatchObject({ status: 401 });
  });

  it("notifies on what ends or changes an identity, not on a token's lastUsedAt", async () => {
    const user = await makeUser("editor");
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    let notified = 0;
    listener.on("notification", () => notified++);
    await listener.query("LISTEN sourcedesk_auth");
    const notificationsOf = async (statement: string) => {
      const before = notified;
      await other.query(statement, [user.id]);
      await listener.query("SELECT 1"); // a round trip after the commit: its notification came first
      return notified - before;
    };
    try {
      expect(await notificationsOf(`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE "userId" = $1`)).toBe(0);
      expect(await notificationsOf(`UPDATE "ApiToken" SET name = 'renamed' WHERE "userId" = $1`)).toBe(0);
      await other.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [
        hashSecret(generateSecret("sds")),
        user.id,
      ]);
      expect(await notificationsOf(`UPDATE "Session" SET "expiresAt" = now() WHERE "userId" = $1`)).toBe(1);
      expect(await notificationsOf(`DELETE FROM "Session" WHERE "userId" = $1`)).toBe(1);
      expect(await notificationsOf(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = $1`)).toBe(1);
      expect(await notificationsOf(`UPDATE "User" SET role = 'reviewer' WHERE id = $1`)).toBe(1);
      expect(await notificationsOf(`DELETE FROM "User" WHERE id = $1`)).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("keeps a session only until it expires", async () => {
    const user = await makeUser("editor");
    const token = generateSecret("sds");
    await db().session.create({
      data: { id: hashSecret(token), userId: user.id, expiresAt: new Date(Date.now() + 400) },
    });
    expect(await findUserBySession(token)).toMatchObject({ id: user.id });
    expect(await msUntil(async () => (await findUserBySession(token)) === null)).toBeLessThan(1_000);
  });

  it("caches nothing while its listener is down, and listens again", async () => {
    const user = await makeUser("editor");
    expect(await nameOf(user)).toBe("Test editor");
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'sourcedesk-auth' AND datname = current_database()`);
    await expect.poll(cachingIdentities).toBe(false);
    await renameUnnotified(user, "Seen anyway");
    expect(await nameOf(user)).toBe("Seen anyway");
    await expect.poll(cachingIdentities, { timeout: 5_000 }).toBe(true);
  });
});
