import { describe, expect, it } from "vitest";
import { HTML_REPORT_STYLE_HASH } from "@/lib/reports/format-html";
import { baseSecurityHeaders, pageContentSecurityPolicy } from "@/lib/security/headers";
import { malformedPathResponse } from "@/lib/security/malformed-path";

describe("security headers", () => {
  it("the page policy allows scripts by nonce only, frames nothing, and loosens for next dev alone", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123", dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|ws:/);
    expect(pageContentSecurityPolicy({ nonce: "abc123", dev: true })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "abc123", dev: true })).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("inline styles only where server-drawn charts need them; scripts stay nonce-only there too", () => {
    const trends = pageContentSecurityPolicy({ nonce: "abc123", dev: false, pathname: "/trends" });
    expect(trends).toContain("style-src 'self' 'unsafe-inline'");
    expect(trends).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(pageContentSecurityPolicy({ nonce: "abc123", dev: false, pathname: "/claims" })).not.toContain(
      "unsafe-inline",
    );
  });

  it("HSTS only in production", () => {
    expect(baseSecurityHeaders(true)["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(baseSecurityHeaders(false)["strict-transport-security"]).toBeUndefined();
    expect(baseSecurityHeaders(false)["x-frame-options"]).toBe("DENY");
  });

  it("the HTML report's stylesheet hash is a sha256 source", () => {
    expect(HTML_REPORT_STYLE_HASH).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  });
});

describe("malformed percent-escapes in the path", () => {
  it.each(["/api/articles/%", "/api/articles/%zz", "/api/articles/%E0%A4%A", "/api/x/%FF"])(
    "%s: JSON 400",
    async (p) => {
      const response = malformedPathResponse(`http://localhost${p}?q=ok`)!;
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("validation_error");
    },
  );

  it("pages get a plain 400; good paths, and a bad escape only in the query, pass", async () => {
    expect(malformedPathResponse("http://localhost/articles/%zz")!.status).toBe(400);
    expect(malformedPathResponse("http://localhost/api/articles/%25")).toBeNull();
    expect(malformedPathResponse("http://localhost/articles?q=%zz")).toBeNull();
    expect(malformedPathResponse("http://localhost/articles/caf%C3%A9")).toBeNull();
  });
});
