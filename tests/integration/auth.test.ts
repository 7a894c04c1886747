import { describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import { findUserBySession } from "@/lib/auth/find-user";
import { createSession, deleteSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
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

  it("gives one message for an unknown email and a wrong password, and rate-limits per account", async () => {
    const email = `${unique("bo")}@test.local`;
    await createUser({ email, name: "Bo", role: "reviewer", password: "right password" });
    await expect(signIn({ email: "nobody@test.local", password: "x" }, unique("a"))).rejects.toThrow(
      "The email or password is wrong",
    );
    for (let i = 0; i < 10; i++) {
      await expect(signIn({ email, password: "wrong" }, unique("a"))).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(signIn({ email, password: "right password" }, unique("a"))).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

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
    await db().apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    const revoked = await call(articles.GET, "GET", { user });
    expect(revoked).toMatchObject({ status: 401, json: { error: { code: "unauthenticated" } } });
  });
});
