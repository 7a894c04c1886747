import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http";
import { makeUser, ROOT, type TestUser } from "./helpers";
import { type DiscoveredRoute, discoverRoutes } from "./route-discovery";

const CHUNK = 64 * 1024;
const TOTAL = 150 * 1024 * 1024;

/** A chunked upload (no Content-Length) of up to 150 MB of spaces, counting what was pulled. */
function endlessBody() {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= TOTAL) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      sent += CHUNK;
    },
  });
  return { stream, sent: () => sent };
}

let admin: TestUser;
let bodyRoutes: DiscoveredRoute[] = [];

beforeAll(async () => {
  admin = await makeUser("admin");
  const routes = await discoverRoutes();
  // Every write whose handler parses a JSON body (found in the source, so new routes count too).
  bodyRoutes = routes.filter(
    (r) =>
      ["POST", "PATCH", "PUT"].includes(r.method) &&
      /parseJsonBody/.test(readFileSync(path.join(ROOT, r.file), "utf8")),
  );
});

describe("chunked request bodies", () => {
  it("covers the sign-in route and every other body-parsing write", () => {
    const keys = bodyRoutes.map((r) => r.key);
    expect(keys).toContain("POST /api/session");
    expect(keys).toContain("POST /api/articles");
    expect(keys.length).toBeGreaterThan(10);
  });

  it("are cut off at the 2 MB limit with 413 while streaming, on every route, with or without credentials", async () => {
    for (const route of bodyRoutes) {
      for (const token of [admin.token, undefined]) {
        const body = endlessBody();
        // An existing id (the admin's): routes that look their target up first still reach the body.
        const url = `http://localhost${route.path.replace(":id", admin.id)}`;
        const headers: Record<string, string> = { host: "localhost", "content-type": "application/json" };
        if (token) headers.authorization = `Bearer ${token}`;
        const request = new Request(url, {
          method: route.method,
          headers,
          body: body.stream,
          duplex: "half",
        } as RequestInit);
        const response = await route.handler(request, {
          params: Promise.resolve({ id: admin.id }),
        });
        const json = await response.json();
        // Unauthenticated writes (other than sign-in) are refused before their body is read at all.
        if (token || route.key === "POST /api/session") {
          expect(response.status, route.key).toBe(413);
          expect(json.error.code, route.key).toBe("too_large");
        } else expect([401, 413], route.key).toContain(response.status);
        // Read whole first, 150 MB would have been pulled; the stream may run a few chunks ahead.
        expect(body.sent(), route.key).toBeLessThanOrEqual(MAX_BODY_BYTES + 8 * CHUNK);
      }
    }
  });
});
