import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { changeArticleStatus } from "@/lib/articles/change-status";
import { createArticle } from "@/lib/articles/create-article";
import { createArticleSchema } from "@/lib/articles/schema";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import type { Role } from "@/lib/generated/prisma/enums";
import { createSourceSchema } from "@/lib/sources/schema";
import { issueApiToken } from "@/lib/users/api-tokens";
import { cookieJar, resetFakeNextHeaders } from "./fake-next-headers";
import { databaseFingerprint, makeUser, ROOT, type TestUser, unique } from "./helpers";
import {
  type DiscoveredRoute,
  discoverRoutes,
  type InvokeOptions,
  invoke,
  isErrorShape,
  MUTATING_METHODS,
} from "./route-discovery";
import { type Fixtures, makeFixtures } from "./security-fixtures";

vi.mock("next/headers", () => import("./fake-next-headers"));

/**
 * Who may call what. Every route handler under app/api must have an entry: a new endpoint fails
 * this test until someone decides, here, who may use it. "deny" means exactly 403 `forbidden` and
 * nothing changed; "allow" means neither 401 nor 403 (nor 5xx) for a harmless request (a stale
 * version, an empty body: 400/404/409 are fine), so allowed calls change nothing either.
 */
type Outcome = "allow" | "deny";
type Expectation = Record<Role, Outcome>;
const ROLES: Role[] = ["admin", "editor", "reviewer"];
const EVERYONE: Expectation = { admin: "allow", editor: "allow", reviewer: "allow" };
const WRITERS: Expectation = { admin: "allow", editor: "allow", reviewer: "deny" };
const REVIEWERS: Expectation = { admin: "allow", editor: "deny", reviewer: "allow" };
const ADMINS: Expectation = { admin: "allow", editor: "deny", reviewer: "deny" };

interface Probe {
  label: string;
  expect: Expectation;
  request: (who: Role) => Promise<InvokeOptions> | InvokeOptions;
}
interface Entry {
  public?: true;
  probes: Probe[];
}

let users: Record<Role, TestUser>;
let other: TestUser;
let fx: Fixtures;
const STALE = { version: "999999" };

const probe = (expect: Expectation, request: Probe["request"] = () => ({}), label = "harmless request"): Probe => ({
  label,
  expect,
  request,
});

/** An article in the given state, so a status move is judged on the role alone. */
async function articleIn(status: "draft" | "in_review" | "approved") {
  const article = await createArticle(
    createArticleSchema.parse({ title: unique("Status probe"), body: "One. Two.", language: "en" }),
    users.editor.id,
  );
  let version = article.version;
  const admin = { ...users.admin, name: "Admin" };
  if (status !== "draft")
    version = (await changeArticleStatus(article.id, { status: "in_review", version }, admin)).version;
  if (status === "approved")
    version = (await changeArticleStatus(article.id, { status: "approved", version }, admin)).version;
  return { id: article.id, version };
}
const move = (from: "draft" | "in_review" | "approved", to: string) => async () => {
  const a = await articleIn(from);
  return { id: a.id, body: { status: to, version: a.version } };
};

const MATRIX: Record<string, Entry> = {
  "GET /api/health": { public: true, probes: [probe(EVERYONE)] },
  "POST /api/session": {
    public: true,
    probes: [probe(EVERYONE, () => ({ body: {} }), "sign-in form with nothing in it")],
  },
  "GET /api/session": { probes: [probe(EVERYONE)] },
  "DELETE /api/session": { public: true, probes: [probe(EVERYONE, () => ({}), "sign out")] },

  "GET /api/articles": { probes: [probe(EVERYONE)] },
  "POST /api/articles": { probes: [probe(WRITERS, () => ({ body: {} }))] },
  "POST /api/articles/import": {
    probes: [
      probe(WRITERS, () => ({ rawBody: "{}\n" }), "an NDJSON line that is no article (reported, nothing stored)"),
    ],
  },
  "GET /api/articles/:id": { probes: [probe(EVERYONE, () => ({ id: fx.article.id }))] },
  "PATCH /api/articles/:id": {
    probes: [probe(WRITERS, () => ({ id: fx.article.id, body: { version: 999999, title: "x" } }))],
  },
  "DELETE /api/articles/:id": { probes: [probe(WRITERS, () => ({ id: fx.article.id, query: STALE }))] },
  "GET /api/articles/:id/history": { probes: [probe(EVERYONE, () => ({ id: fx.article.id }))] },
  "GET /api/articles/:id/report": {
    probes: [probe(EVERYONE, () => ({ id: fx.article.id, query: { format: "csv" } }))],
  },
  "POST /api/articles/:id/status": {
    probes: [
      probe(WRITERS, move("draft", "in_review"), "submit a draft for review"),
      probe(REVIEWERS, move("in_review", "approved"), "approve"),
      probe(REVIEWERS, move("in_review", "draft"), "send back"),
      probe(REVIEWERS, move("approved", "in_review"), "reopen an approved article"),
    ],
  },

  "GET /api/sources": { probes: [probe(EVERYONE)] },
  "POST /api/sources": { probes: [probe(WRITERS, () => ({ body: {} }))] },
  "GET /api/sources/:id": { probes: [probe(EVERYONE, () => ({ id: fx.source.id }))] },
  "PATCH /api/sources/:id": {
    probes: [probe(WRITERS, () => ({ id: fx.source.id, body: { version: 999999, notes: "x" } }))],
  },

  "GET /api/claims": { probes: [probe(EVERYONE, () => ({ query: { articleId: fx.article.id } }))] },
  "POST /api/claims": { probes: [probe(WRITERS, () => ({ body: { articleId: fx.article.id } }))] },
  "PATCH /api/claims/:id": {
    probes: [
      probe(
        REVIEWERS,
        () => ({ id: fx.claim.id, body: { reviewStatus: "approved", version: 999999 } }),
        "set review status",
      ),
      probe(WRITERS, () => ({ id: fx.claim.id, body: { start: 0, end: 5, version: 999999 } }), "adjust the span"),
    ],
  },
  "DELETE /api/claims/:id": { probes: [probe(WRITERS, () => ({ id: fx.claim.id, query: STALE }))] },
  "POST /api/claims/restore": {
    probes: [probe(WRITERS, () => ({ body: { claimId: fx.claim.id } }), "restore a claim that was never deleted")],
  },

  "POST /api/attributions": { probes: [probe(WRITERS, () => ({ body: { claimId: fx.claim.id } }))] },
  "PATCH /api/attributions/:id": {
    probes: [probe(WRITERS, () => ({ id: fx.attribution.id, body: { version: 999999, note: "x" } }))],
  },
  "DELETE /api/attributions/:id": { probes: [probe(WRITERS, () => ({ id: fx.attribution.id, query: STALE }))] },
  "POST /api/attributions/restore": {
    probes: [probe(WRITERS, () => ({ body: { attributionId: fx.attribution.id } }))],
  },

  "POST /api/suggestions": { probes: [probe(WRITERS, () => ({ body: {} }))] },
  "GET /api/articles/:id/suggestions": { probes: [probe(EVERYONE, () => ({ id: fx.article.id }))] },
  "POST /api/articles/:id/suggestions/accept": {
    probes: [probe(WRITERS, () => ({ id: fx.article.id, body: { key: "no-such-suggestion" } }))],
  },
  "POST /api/articles/:id/suggestions/reject": {
    probes: [probe(WRITERS, () => ({ id: fx.article.id, body: { key: "no-such-suggestion" } }))],
  },

  "POST /api/articles/:id/transparency": {
    probes: [probe(REVIEWERS, async () => ({ id: (await articleIn("approved")).id }), "issue a card")],
  },
  "DELETE /api/articles/:id/transparency": {
    probes: [probe(EVERYONE, async () => ({ id: (await articleIn("approved")).id }), "take a card down")],
  },
  // The transparency card is public by design: no credentials, any role, the same answer.
  "GET /api/transparency/:publicId": { public: true, probes: [probe(EVERYONE, () => ({ id: fx.publicId }))] },
  "GET /t/:publicId": { public: true, probes: [probe(EVERYONE, () => ({ id: fx.publicId }))] },
  "GET /t/:publicId/embed": { public: true, probes: [probe(EVERYONE, () => ({ id: fx.publicId }))] },

  "GET /api/trends": { probes: [probe(EVERYONE, () => ({ query: { articleId: fx.article.id, by: "desk" } }))] },
  "GET /api/diversity": { probes: [probe(EVERYONE, () => ({ query: { articleId: fx.article.id } }))] },

  "GET /api/reports": { probes: [probe(EVERYONE, () => ({ query: { articleId: fx.article.id, format: "csv" } }))] },

  "GET /api/users": { probes: [probe(ADMINS)] },
  "POST /api/users": { probes: [probe(ADMINS, () => ({ body: {} }))] },
  "PATCH /api/users/:id": { probes: [probe(ADMINS, () => ({ id: other.id, body: {} }))] },
  "GET /api/users/:id/tokens": {
    probes: [
      probe(ADMINS, () => ({ id: other.id }), "someone else's tokens"),
      probe(EVERYONE, (who) => ({ id: users[who].id }), "one's own tokens"),
    ],
  },
  "POST /api/users/:id/tokens": {
    probes: [
      probe(ADMINS, () => ({ id: other.id, body: {} }), "a token for someone else"),
      probe(EVERYONE, (who) => ({ id: users[who].id, body: {} }), "a token for oneself"),
    ],
  },
  "DELETE /api/tokens/:id": {
    probes: [
      probe(
        ADMINS,
        async () => ({ id: (await issueApiToken(other.id, "probe", null)).id }),
        "revoke someone else's token",
      ),
      probe(
        EVERYONE,
        async (who) => ({ id: (await issueApiToken(users[who].id, "probe", null)).id }),
        "revoke one's own token",
      ),
    ],
  },
};

const routes = await discoverRoutes();
const byKey = new Map(routes.map((r) => [r.key, r]));

beforeAll(async () => {
  const [admin, editor, reviewer] = await Promise.all([makeUser("admin"), makeUser("editor"), makeUser("reviewer")]);
  users = { admin, editor, reviewer };
  other = await makeUser("editor");
  fx = await makeFixtures(editor);
});

function entryFor(route: DiscoveredRoute): Entry {
  const entry = MATRIX[route.key];
  if (!entry)
    throw new Error(
      `${route.key} (${route.file}) has no entry in the access matrix: decide who may call it and add it`,
    );
  return entry;
}

describe("the access matrix covers every route handler", () => {
  it("has exactly one entry per discovered method and route", () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(
      routes.map((r) => r.key).filter((k) => !MATRIX[k]),
      "routes without an entry",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !byKey.has(k)),
      "entries for routes that no longer exist",
    ).toEqual([]);
  });
});

describe.each(routes.map((r) => [r.key, r] as const))("%s", (_key, route) => {
  it("answers 401 with the error shape without credentials (unless public)", async () => {
    const entry = entryFor(route);
    const options = await entry.probes[0].request("admin");
    const before = await databaseFingerprint();
    const answer = await invoke(route, options);
    if (entry.public) {
      expect(answer.status).not.toBe(401);
      expect(answer.status).toBeLessThan(500);
      return;
    }
    expect(answer.status).toBe(401);
    expect(isErrorShape(answer.json)).toBe(true);
    expect(answer.json).toMatchObject({ error: { code: "unauthenticated" } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  for (const [index, p] of (MATRIX[route.key]?.probes ?? []).entries()) {
    it.each(ROLES)(
      `probe ${index + 1} (${p.label}) as %s: ${ROLES.map((r) => `${r} ${p.expect[r]}`).join(", ")}`,
      async (who) => {
        const options = await p.request(who);
        const before = await databaseFingerprint();
        const answer = await invoke(route, { ...options, token: users[who].token });
        if (p.expect[who] === "deny") {
          expect(answer.status, answer.text).toBe(403);
          expect(isErrorShape(answer.json)).toBe(true);
          expect(answer.json).toMatchObject({ error: { code: "forbidden" } });
          expect(await databaseFingerprint()).toEqual(before);
        } else {
          expect([401, 403], answer.text).not.toContain(answer.status);
          expect(answer.status, answer.text).toBeLessThan(500);
        }
      },
    );
  }
});

describe("cookie-authenticated writes from another origin", () => {
  const writes = routes.filter((r) => MUTATING_METHODS.has(r.method) && !MATRIX[r.key]?.public);

  it.each(writes.map((r) => [r.key, r] as const))(
    "%s: 403 with a foreign Origin, allowed from the same origin or with a token",
    async (_key, route) => {
      const p = entryFor(route).probes.find((candidate) => candidate.expect.admin === "allow")!;
      const { token } = await createSession(users.admin.id);
      const cookie = `${SESSION_COOKIE}=${token}`;
      for (const origin of ["https://evil.example", "http://localhost.evil.example", "null"]) {
        const options = await p.request("admin");
        const before = await databaseFingerprint();
        const refused = await invoke(route, { ...options, cookie, origin });
        expect(refused.status, `${origin}: ${refused.text}`).toBe(403);
        expect(refused.json).toMatchObject({ error: { code: "forbidden" } });
        expect(await databaseFingerprint()).toEqual(before);
      }
      const sameOrigin = await invoke(route, { ...(await p.request("admin")), cookie, origin: "http://localhost" });
      expect([401, 403], sameOrigin.text).not.toContain(sameOrigin.status);
      const withToken = await invoke(route, {
        ...(await p.request("admin")),
        token: users.admin.token,
        origin: "https://evil.example",
      });
      expect([401, 403], withToken.text).not.toContain(withToken.status);
    },
  );

  it("refuses sign-in posted from another origin (login CSRF)", async () => {
    const signIn = byKey.get("POST /api/session")!;
    const answer = await invoke(signIn, {
      body: { email: users.editor.email, password: "test-password-123" },
      origin: "https://evil.example",
    });
    expect(answer).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
  });
});

/**
 * Server actions are endpoints too (Next answers them on any page URL). Each exported action of a
 * "use server" module needs an entry; `run` calls it as the given user (null: signed out).
 */
type ActionOutcome = "allowed" | "denied" | "sign-in required";
const ACTIONS: Record<string, { public?: true; expect?: Expectation; run: () => Promise<ActionOutcome> }> = {
  "app/sign-in/actions.ts#signInAction": {
    public: true,
    run: async () => {
      const { signInAction } = await import("@/app/sign-in/actions");
      const result = await signInAction(null, new FormData());
      return result.ok === false && result.fieldErrors ? "allowed" : "denied";
    },
  },
  "app/sign-in/actions.ts#signOutAction": {
    public: true,
    run: async () => {
      const { signOutAction } = await import("@/app/sign-in/actions");
      const error = await signOutAction().then(
        () => null,
        (e: { digest?: string }) => e,
      );
      return String(error?.digest).includes("/sign-in") ? "allowed" : "denied";
    },
  },
  "app/articles/actions.ts#createArticleAction": {
    expect: WRITERS,
    run: async () => {
      const { createArticleAction } = await import("@/app/articles/actions");
      const result = await createArticleAction(null, new FormData()).catch((e: { digest?: string }) => e);
      if ("digest" in result && String(result.digest).includes("/sign-in")) return "sign-in required";
      return "ok" in result && result.ok === false && result.fieldErrors ? "allowed" : "denied";
    },
  },
};

function discoverActions(): string[] {
  const appDir = path.join(ROOT, "app");
  const keys: string[] = [];
  for (const file of readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .sort()) {
    const source = readFileSync(path.join(appDir, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g))
      keys.push(`app/${file.split(path.sep).join("/")}#${match[1]}`);
  }
  return keys;
}

describe("server actions check the signed-in role", () => {
  const actions = discoverActions();

  it("has an entry for every exported server action", () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(
      actions.filter((k) => !ACTIONS[k]),
      "actions without an entry",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((k) => !actions.includes(k)),
      "entries for actions that no longer exist",
    ).toEqual([]);
  });

  it.each(actions)("%s", async (key) => {
    const entry = ACTIONS[key];
    expect(entry, `${key} has no entry`).toBeDefined();
    resetFakeNextHeaders();
    if (entry.public) {
      expect(await entry.run()).toBe("allowed");
      return;
    }
    const before = await databaseFingerprint();
    expect(await entry.run()).toBe("sign-in required");
    expect(await databaseFingerprint()).toEqual(before);
    for (const who of ROLES) {
      resetFakeNextHeaders();
      cookieJar.set(SESSION_COOKIE, (await createSession(users[who].id)).token);
      const fingerprint = await databaseFingerprint();
      const outcome = await entry.run();
      expect(outcome, who).toBe(entry.expect![who] === "allow" ? "allowed" : "denied");
      if (outcome === "denied") expect(await databaseFingerprint()).toEqual(fingerprint);
    }
  });
});

describe("CSV exports neutralise formulas", () => {
  it("prefixes cells that a spreadsheet would run", async () => {
    const report = byKey.get("GET /api/articles/:id/report");
    if (!report) return; // the export belongs to issue 5; nothing to check without it
    const body = `=1+2 said Ann. @SUM(A1) -3 +4, wrote the clerk.`;
    const article = await createArticle(
      createArticleSchema.parse({ title: '=HYPERLINK("http://evil.example","x")', body, language: "en" }),
      users.editor.id,
    );
    const { createSource } = await import("@/lib/sources/write-source");
    const { createClaim } = await import("@/lib/claims/create-claim");
    const { createAttribution } = await import("@/lib/attributions/write-attribution");
    const source = await createSource(
      createSourceSchema.parse({ type: "person", name: `=cmd|' /C calc'!A0 ${unique("")}` }),
      users.editor.id,
    );
    const claim = await createClaim({ articleId: article.id, start: 0, end: 4 }, users.editor.id);
    await createAttribution(
      { claimId: claim.id, sourceId: source.id, mode: "paraphrase", note: "+danger" },
      users.editor.id,
    );
    const answer = await invoke(report, { id: article.id, query: { format: "csv" }, token: users.reviewer.token });
    expect(answer.status).toBe(200);
    const rows = parse(answer.text, { relax_column_count: false }) as string[][];
    const cells = rows.flat();
    expect(cells).toContain("'=1+2");
    expect(cells.some((c) => c.startsWith("'=cmd"))).toBe(true);
    expect(
      cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
      "cells a spreadsheet would evaluate",
    ).toEqual([]);
  });
});
