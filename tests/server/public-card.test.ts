import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LaunchedServer, launchServer } from "./launch-server";
import { apiUser, type ServerUser } from "./server-users";

// The card's answers as Next's production server sends them (its own headers on top of the routes').
const READS_PER_MINUTE = 40;

let server: LaunchedServer;
let admin: ServerUser;
let publicId: string;

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await launchServer({ SOURCEDESK_CARD_READS_PER_MINUTE: String(READS_PER_MINUTE) });
  admin = await apiUser(server, "admin");
  const article = await api("/api/articles", {
    method: "POST",
    body: { title: "Card headers", body: '"We are ready," the minister said. Talks resume on Monday.' },
  });
  expect(article.status).toBe(201);
  const id = article.json.id as string;
  const inReview = await api(`/api/articles/${id}/status`, {
    method: "POST",
    body: { status: "in_review", version: 1 },
  });
  const approved = await api(`/api/articles/${id}/status`, {
    method: "POST",
    body: { status: "approved", version: inReview.json.version },
  });
  expect(approved.status).toBe(200);
  publicId = approved.json.publicId as string;
}, 180_000);

afterAll(async () => {
  if (process.env.SHOW_SERVER_LOG) console.log(server?.log());
  await server?.stop();
});

const CARD_PATHS = ["/t/ID", "/t/ID/embed", "/api/transparency/ID"];

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("content-security-policy"), what).toContain("default-src 'none'");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(headers.get("strict-transport-security"), what).toMatch(/max-age=/);
  expect(headers.get("set-cookie"), what).toBeNull();
}

describe("the public transparency card against the production server", () => {
  it("a card is cacheable for a minute; every error answer is no-store; all carry the security headers", async () => {
    const unknown = "AAAAAAAAAAAAAAAAAAAAAA";
    const cases = [
      ...CARD_PATHS.map((p) => ({ path: p.replace("ID", publicId), status: 200 })),
      ...CARD_PATHS.map((p) => ({ path: p.replace("ID", unknown), status: 404 })),
      ...CARD_PATHS.map((p) => ({ path: p.replace("ID", "not-an-id"), status: 404 })),
      { path: `/t/${publicId}/embed?accent=red;}`, status: 400 },
    ];
    for (const { path, status } of cases) {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(status);
      expectSecurityHeaders(response.headers, path);
      expect(response.headers.get("cache-control"), path).toBe(status === 200 ? "public, max-age=60" : "no-store");
    }
  });

  it("a malformed escape or another path under /t/ is an error with the headers of pages, never cached", async () => {
    const malformed = await fetch(`${server.url}/t/%zz`);
    expect(malformed.status).toBe(400);
    expectSecurityHeaders(malformed.headers, "/t/%zz");
    expect(malformed.headers.get("cache-control")).toBe("no-store");
    const elsewhere = await fetch(`${server.url}/t/${publicId}/something/else`);
    await elsewhere.text();
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(elsewhere.headers.get("x-frame-options")).toBe("DENY");
    expect(elsewhere.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("the 429 of a reader past the limit is no-store with Retry-After and the security headers", async () => {
    let limited: Response | undefined;
    for (let i = 0; i <= READS_PER_MINUTE && !limited; i++) {
      const response = await fetch(`${server.url}/api/transparency/${publicId}`);
      await response.arrayBuffer();
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expectSecurityHeaders(limited!.headers, "429");
    expect(limited!.headers.get("cache-control")).toBe("no-store");
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
