import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as session from "@/app/api/session/route";
import { signInAction } from "@/app/sign-in/actions";
import { runWithPeer } from "@/lib/auth/client-address";
import { SIGN_IN_POLICY } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { resetFakeNextHeaders } from "./fake-next-headers";
import { makeUser, ROOT, testPeer, unique } from "./helpers";
import { invoke } from "./route-discovery";

vi.mock("next/headers", () => import("./fake-next-headers"));

const RIGHT = "test-password-123";
const { perAccountAddress, perAddress, maxDelayMs } = SIGN_IN_POLICY;
const post = { method: "POST", path: "/api/session", handler: session.POST };

/** POST /api/session from a socket address, with whatever X-Forwarded-For the client sends. */
async function viaApi(email: string, password: string, peer: string, forwardedFor?: string) {
  const answer = await invoke(post, {
    body: { email, password },
    peer,
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });
  return answer.status;
}

/** The sign-in form's server action, answered as the status the API would give. */
async function viaForm(email: string, password: string, peer: string): Promise<number> {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  try {
    const result = await runWithPeer(testPeer(peer), () => signInAction(null, form));
    if (result.ok) return 200;
    return /too many/i.test(result.message) ? 429 : 401;
  } catch (error) {
    if ((error as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) return 200; // signed in
    throw error;
  }
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((n, s) => Object.assign(n, { [s]: (n[s] ?? 0) + 1 }), {});

beforeEach(() => resetFakeNextHeaders());
afterEach(() => vi.unstubAllEnvs());

const sessionsOf = (userId: string) => db().session.count({ where: { userId } });

// Concurrent: these wait out per-account delays (sleeps, not work), each on its own account and addresses.
describe.concurrent("sign-in limits", () => {
  it("counts each attempt before checking it: of 60 wrong passwords at once only the permitted few are checked, and the right one sent after is refused", async () => {
    const user = await makeUser("editor");
    const attacker = unique("attacker");
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => viaApi(user.email, `wrong-${i}`, attacker)),
    );
    expect(tally(statuses)).toEqual({ 401: perAccountAddress, 429: 60 - perAccountAddress });
    expect(await viaApi(user.email, RIGHT, attacker)).toBe(429);
    expect(await sessionsOf(user.id)).toBe(0);
  }, 180_000);

  it("shares one count between the API and the sign-in form", async () => {
    const user = await makeUser("reviewer");
    const from = unique("shared");
    for (let i = 0; i < perAccountAddress; i++) {
      const status = i % 2 ? await viaForm(user.email, `wrong-${i}`, from) : await viaApi(user.email, "nope", from);
      expect(status).toBe(401);
    }
    expect(await viaForm(user.email, RIGHT, from)).toBe(429);
    expect(await viaApi(user.email, RIGHT, from)).toBe(429);
    // The form signs in for real when nothing is over the limit.
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await viaForm(user.email, RIGHT, unique("elsewhere"))).toBe(200);
    expect(await sessionsOf(user.id)).toBe(1);
  }, 180_000);

  it("keeps the per-address limit whatever X-Forwarded-For a client makes up", async () => {
    const socket = unique("spoofer");
    for (let i = 0; i < perAddress; i++) {
      const status = await viaApi(`${unique("nobody")}@test.local`, "guess", socket, `203.0.113.${i}`);
      expect(status).toBe(401);
    }
    const victim = await makeUser("editor");
    expect(await viaApi(victim.email, RIGHT, socket, "198.51.100.77")).toBe(429);
    expect(await viaApi(victim.email, RIGHT, unique("someone-else"))).toBe(200);
  }, 180_000);

  it("slows an attacked account down instead of locking it: the real user signs in from another address", async () => {
    const admin = await makeUser("admin");
    const attacker = unique("attacker");
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => viaApi(admin.email, `guess-${i}`, attacker)),
    );
    expect(tally(statuses)).toEqual({ 401: perAccountAddress, 429: 30 - perAccountAddress });
    const started = Date.now();
    expect(await viaApi(admin.email, RIGHT, unique("office"))).toBe(200);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(maxDelayMs - 50); // slowed: 10 failures on the account
    expect(waited).toBeLessThan(maxDelayMs + 60_000); // …but never locked out (a lockout is the 429 above)
    // The attacker's address stays refused, even with the right password.
    expect(await viaApi(admin.email, RIGHT, attacker)).toBe(429);
  }, 180_000);

  it("shares the count between app servers over one database", async () => {
    const user = await makeUser("editor");
    const from = unique("roaming");
    // Another process (another app server) spends the address's tries on this account …
    const child = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const proc = spawn(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "tests/integration/fixtures/sign-in-worker.ts"), user.email, from],
        { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "inherit"] },
      );
      let out = "";
      proc.stdout.on("data", (c: Buffer) => {
        out += c.toString();
      });
      proc.on("exit", (code) => resolve({ code, out }));
    });
    expect(child.code).toBe(0);
    expect(JSON.parse(child.out)).toEqual(Array(perAccountAddress).fill("unauthenticated"));
    // … so this one refuses the next, the right password included.
    expect(await viaApi(user.email, RIGHT, from)).toBe(429);
  }, 180_000);
});

// Sequential: it changes an environment variable the concurrent tests read.
describe("sign-in limits behind proxies", () => {
  it("behind SOURCEDESK_TRUSTED_PROXIES takes the address the proxy appended, not the client's own entries", async () => {
    vi.stubEnv("SOURCEDESK_TRUSTED_PROXIES", "1");
    const user = await makeUser("editor");
    const proxy = unique("proxy");
    const client = unique("client");
    for (let i = 0; i < perAccountAddress; i++)
      expect(await viaApi(user.email, "wrong", proxy, `10.9.8.${i}, ${client}`)).toBe(401);
    expect(await viaApi(user.email, RIGHT, proxy, `10.9.9.9, ${client}`)).toBe(429);
    // Another client behind the same proxy is someone else.
    expect(await viaApi(user.email, RIGHT, proxy, unique("colleague"))).toBe(200);
  }, 180_000);
});
