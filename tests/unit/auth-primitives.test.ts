import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { FailureLimiter } from "@/lib/auth/rate-limit";
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

describe("FailureLimiter", () => {
  it("blocks after max failures within the window and forgets old ones", () => {
    const limiter = new FailureLimiter(3, 1000);
    for (let t = 0; t < 3; t++) limiter.recordFailure("k", t);
    expect(limiter.isBlocked("k", 10)).toBe(true);
    expect(limiter.isBlocked("other", 10)).toBe(false);
    expect(limiter.isBlocked("k", 1003)).toBe(false);
    limiter.recordFailure("k", 2000);
    limiter.reset("k");
    expect(limiter.isBlocked("k", 2001)).toBe(false);
  });
});
