import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountDelayMs, SIGN_IN_POLICY } from "@/lib/auth/rate-limit";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";

describe("passwords", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
    expect(await hashPassword("correct horse")).not.toBe(hash);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});

describe("secrets", () => {
  it("are random and stored as a hash", () => {
    const a = generateSecret("sdt");
    expect(a).toMatch(/^sdt_[\w-]{43}$/);
    expect(generateSecret("sdt")).not.toBe(a);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("client addresses", () => {
  const peer = (socketAddress: string | undefined, forwardedFor?: string) => ({ socketAddress, forwardedFor });

  it("are the socket's peer without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress(peer("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(resolveClientAddress(peer("203.0.113.7", "1.2.3.4, 5.6.7.8"), 0)).toBe("203.0.113.7");
    expect(resolveClientAddress(peer("::ffff:127.0.0.1", "1.2.3.4"), 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(peer(undefined), 0)).toBe("unknown");
  });

  it("behind N trusted proxies are the entry the outermost one appended, never what the client wrote", () => {
    // client → proxy A (appends client) → proxy B (appends A) → app; the client forged "6.6.6.6".
    const chain = peer("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1");
    expect(resolveClientAddress(chain, 2)).toBe("198.51.100.9");
    expect(resolveClientAddress(peer("10.0.0.1", "6.6.6.6, 198.51.100.9"), 1)).toBe("198.51.100.9");
    // A chain shorter than promised: the leftmost entry is all there is.
    expect(resolveClientAddress(peer("10.0.0.1"), 1)).toBe("10.0.0.1");
    expect(resolveClientAddress(peer("10.0.0.1", "198.51.100.9"), 5)).toBe("198.51.100.9");
  });

  it("group IPv6 clients by /64 and keep junk bounded", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[::1]")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
    expect(normalizeAddress(" ")).toBe("unknown");
  });
});

describe("sign-in delays per account", () => {
  it("start after a few failures, double, and stop growing (slowed, never locked out)", () => {
    const { freeAccountFailures: free, maxDelayMs } = SIGN_IN_POLICY;
    expect(accountDelayMs(0)).toBe(0);
    expect(accountDelayMs(free - 1)).toBe(0);
    expect(accountDelayMs(free)).toBe(SIGN_IN_POLICY.firstDelayMs);
    expect(accountDelayMs(free + 1)).toBe(2 * SIGN_IN_POLICY.firstDelayMs);
    expect(accountDelayMs(10_000)).toBe(maxDelayMs);
  });
});
