import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { installPeerAddressHook } from "@/lib/auth/peer-address-hook";

// A plain Node HTTP server stands in for Next's: the hook works on the `request` event both share.
let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHook();
  installPeerAddressHook(); // idempotent
  server = http.createServer(async (_request, response) => {
    await sleep(5); // the address must survive awaits, as in a route handler
    response.end(clientAddress());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

const seenAs = async (headers: Record<string, string> = {}) =>
  (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();

describe("the peer-address hook", () => {
  it("gives handlers the socket's address, ignoring a forged X-Forwarded-For", async () => {
    expect(await seenAs()).toBe("127.0.0.1");
    expect(await seenAs({ "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
  });

  it("reads X-Forwarded-For as it arrived only behind trusted proxies", async () => {
    vi.stubEnv("SOURCEDESK_TRUSTED_PROXIES", "1");
    expect(await seenAs({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" })).toBe("198.51.100.4");
    expect(await seenAs()).toBe("127.0.0.1");
  });
});
