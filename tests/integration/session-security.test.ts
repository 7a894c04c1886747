import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as session from "@/app/api/session/route";
import { findUserBySession } from "@/lib/auth/find-user";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { cookieJar, cookieWrites, resetFakeNextHeaders } from "./fake-next-headers";
import { makeUser, unique } from "./helpers";
import { invoke } from "./route-discovery";

vi.mock("next/headers", () => import("./fake-next-headers"));

const route = (method: "POST" | "GET" | "DELETE") => ({
  method,
  path: "/api/session",
  handler: { POST: session.POST, GET: session.GET, DELETE: session.DELETE }[method],
});
const signIn = (email: string, password: string, from = unique("addr"), origin?: string) =>
  invoke(route("POST"), { body: { email, password }, peer: from, origin });

beforeEach(() => resetFakeNextHeaders());
afterEach(() => vi.unstubAllEnvs());

describe("POST /api/session", () => {
  it("sets an httpOnly, SameSite=Lax session cookie, Secure in production, holding a secret stored only as a hash", async () => {
    const user = await makeUser("reviewer");
    vi.stubEnv("NODE_ENV", "production");
    const answer = await signIn(user.email, "test-password-123");
    expect(answer).toMatchObject({ status: 200, json: { user: { id: user.id, email: user.email, role: "reviewer" } } });
    const [write] = cookieWrites;
    expect(write).toMatchObject({
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    });
    expect((write.options!.expires as Date).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    expect(await db().session.findUnique({ where: { id: write.value } })).toBeNull();
    expect(await findUserBySession(write.value)).toMatchObject({ id: user.id });

    vi.stubEnv("NODE_ENV", "development");
    resetFakeNextHeaders();
    await signIn(user.email, "test-password-123");
    expect(cookieWrites[0].options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });

  it("limits failures per account and address (10, then 429 even with the right password)", async () => {
    const user = await makeUser("editor");
    const from = unique("addr");
    for (let i = 0; i < 10; i++) expect((await signIn(user.email, `wrong-${i}`, from)).status).toBe(401);
    const blocked = await signIn(user.email, "test-password-123", from);
    expect(blocked).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } } });
    expect(cookieJar.size).toBe(0);
  }, 30_000);

  it("limits failures per address (50 across accounts), without locking the accounts", async () => {
    const user = await makeUser("editor");
    const from = unique("addr");
    for (let i = 0; i < 50; i++)
      expect((await signIn(`${unique("nobody")}@test.local`, "guess", from)).status).toBe(401);
    expect((await signIn(user.email, "test-password-123", from)).status).toBe(429);
    expect((await signIn(user.email, "test-password-123")).status).toBe(200);
  }, 60_000);

  it("refuses sign-in from a foreign Origin, allows our own", async () => {
    const user = await makeUser("editor");
    expect((await signIn(user.email, "test-password-123", undefined, "https://evil.example")).json).toMatchObject({
      error: { code: "forbidden" },
    });
    expect(cookieJar.size).toBe(0);
    expect((await signIn(user.email, "test-password-123", undefined, "http://localhost")).status).toBe(200);
  });
});

describe("cookie-authenticated requests", () => {
  it("GET /api/session answers the cookie's user; DELETE signs out and deletes the session", async () => {
    const user = await makeUser("admin");
    await signIn(user.email, "test-password-123");
    const token = cookieJar.get(SESSION_COOKIE)!;
    const me = await invoke(route("GET"), { cookie: `${SESSION_COOKIE}=${token}` });
    expect(me).toMatchObject({ status: 200, json: { user: { id: user.id } } });
    expect((await invoke(route("DELETE"))).status).toBe(204);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    expect(await findUserBySession(token)).toBeNull();
    expect((await invoke(route("GET"), { cookie: `${SESSION_COOKIE}=${token}` })).status).toBe(401);
  });
});
