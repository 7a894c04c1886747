import { describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import { findUserBySession } from "@/lib/auth/find-user";
import { createSession, deleteSession } from "@/lib/auth/sessions";
import { checkCredentials, signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { revokeApiToken } from "@/lib/users/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { unusablePasswordHash } from "@/lib/workspace-export/import-workspace";
import { call, makeUser, unique } from "./helpers";

describe("sign-in", () => {
  it("signs in with the right password, stores only a hash of the session and signs out", async () => {
    const email = `${unique("ann")}@test.local`;
    await createUser({ email, name: "Ann", role: "editor", password: "long enough pw" });
    const { user, token } = await signIn({ email, password: "long enough pw" }, unique("addr"));
    expect(user).toMatchObject({ email, role: "editor" });
    expect(await db().session.findUnique({ where: { id: token } })).toBeNull();
    expect(await findUserBySession(token)).toMatchObject({ email });
    await deleteSession(token);
    expect(await findUserBySession(token)).toBeNull();
    const stored = await db().user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).not.toContain("long enough pw");
  });

  it("gives one message for an unknown email and a wrong password, and rate-limits per account and address", async () => {
    const email = `${unique("bo")}@test.local`;
    await createUser({ email, name: "Bo", role: "reviewer", password: "right password" });
    await expect(signIn({ email: "nobody@test.local", password: "x" }, unique("a"))).rejects.toThrow(
      "The email or password is wrong",
    );
    const from = unique("a");
    for (let i = 0; i < 10; i++) {
      await expect(signIn({ email, password: "wrong" }, from)).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(signIn({ email, password: "right password" }, from)).rejects.toMatchObject({
      code: "rate_limited",
    });
  }, 30_000);

  it("refuses an imported user (unusable hash) as slowly as a real one, so timing does not tell them apart", async () => {
    const real = await makeUser("editor");
    const imported = await makeUser("editor");
    await db().user.update({ where: { id: imported.id }, data: { passwordHash: unusablePasswordHash() } });
    const unknown = `${unique("nobody")}@test.local`;
    const samples: Record<"real" | "imported" | "unknown", number[]> = { real: [], imported: [], unknown: [] };
    const time = async (email: string) => {
      const started = performance.now();
      expect(await checkCredentials({ email, password: "a wrong password" })).toBeNull();
      return performance.now() - started;
    };
    // Interleaved, so a burst of load on this shared machine hits every kind alike; medians ignore outliers.
    for (let round = 0; round < 11; round++) {
      samples.real.push(await time(real.email));
      samples.imported.push(await time(imported.email));
      samples.unknown.push(await time(unknown));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [r, i, u] = [median(samples.real), median(samples.imported), median(samples.unknown)];
    console.info(
      `[timing] median refusal: real ${r.toFixed(1)} ms, imported ${i.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`,
    );
    // Without the decoy derivation an imported user is refused after a lookup alone (~1 ms against
    // ~50 ms for scrypt): a factor of 2 either way separates the two cases with a wide margin.
    for (const other of [i, u]) {
      expect(other).toBeGreaterThan(r / 2);
      expect(other).toBeLessThan(r * 2);
    }
  }, 60_000);

  it("ignores expired sessions", async () => {
    const user = await makeUser("editor");
    const { token } = await createSession(user.id);
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUserBySession(token)).toBeNull();
  });
});

describe("API tokens", () => {
  it("stops working once revoked", async () => {
    const user = await makeUser("editor");
    expect((await call(articles.GET, "GET", { user })).status).toBe(200);
    // Through the app (another server's revocation reaches this one by notification: user-cache.test.ts).
    const [token] = await db().apiToken.findMany({ where: { userId: user.id } });
    await revokeApiToken(token.id, { ...user, name: "Test editor" });
    const revoked = await call(articles.GET, "GET", { user });
    expect(revoked).toMatchObject({ status: 401, json: { error: { code: "unauthenticated" } } });
  });
});
