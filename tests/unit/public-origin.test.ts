import { afterEach, describe, expect, it, vi } from "vitest";
import { publicOrigin, requestHost } from "@/lib/public-origin";
import { embedSnippet } from "@/lib/transparency/embed-snippet";

const ORIGIN = process.env.SOURCEDESK_PUBLIC_ORIGIN;
afterEach(() => {
  if (ORIGIN === undefined) delete process.env.SOURCEDESK_PUBLIC_ORIGIN;
  else process.env.SOURCEDESK_PUBLIC_ORIGIN = ORIGIN;
  vi.restoreAllMocks();
});

const request = (headers: Record<string, string>) => new Headers(headers);

describe("publicOrigin", () => {
  it("is SOURCEDESK_PUBLIC_ORIGIN when set, whatever the request says, without path or trailing slash", () => {
    process.env.SOURCEDESK_PUBLIC_ORIGIN = " https://desk.example.org/some/path/ ";
    expect(publicOrigin(request({ host: "10.0.0.5:3000", "x-forwarded-host": "internal" }))).toBe(
      "https://desk.example.org",
    );
    const snippet = embedSnippet(publicOrigin(request({ host: "internal" })), "AbCdEfGhIjKlMnOpQrStUv", "T");
    expect(snippet).toContain('src="https://desk.example.org/t/AbCdEfGhIjKlMnOpQrStUv/embed"');
  });

  it("falls back to the request when the variable is blank or not an http(s) URL (and says so once)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const value of ["", "   ", "desk.example.org", "javascript:alert(1)", "ftp://x.example"]) {
      process.env.SOURCEDESK_PUBLIC_ORIGIN = value;
      expect(publicOrigin(request({ host: "localhost:3000" })), value).toBe("http://localhost:3000");
    }
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it("reads the proxy's X-Forwarded-Proto and -Host (first hop), else Host", () => {
    delete process.env.SOURCEDESK_PUBLIC_ORIGIN;
    expect(
      publicOrigin(
        request({ host: "app:3000", "x-forwarded-proto": "https, http", "x-forwarded-host": "news.example" }),
      ),
    ).toBe("https://news.example");
    expect(publicOrigin(request({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
    expect(publicOrigin(request({ host: "a.example", "x-forwarded-proto": "gopher" }))).toBe("http://a.example");
    expect(requestHost(request({}), "fallback.example")).toBe("fallback.example");
  });

  it("never puts a forged host with a path or markup into a link", () => {
    delete process.env.SOURCEDESK_PUBLIC_ORIGIN;
    for (const host of ['evil.example/"><script>', "evil.example/phish", "a b"])
      expect(publicOrigin(request({ host: "ok.example", "x-forwarded-host": host })), host).toBe("http://localhost");
  });
});
