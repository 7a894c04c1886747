import { type NextRequest, NextResponse } from "next/server";
import { baseSecurityHeaders, pageContentSecurityPolicy } from "@/lib/security/headers";
import { malformedPathResponse } from "@/lib/security/malformed-path";

/**
 * Next 16's proxy (formerly middleware), in front of every page: a fresh CSP nonce per request
 * (Next reads it from the request's Content-Security-Policy header and puts it on the framework's
 * inline scripts), the security headers, and a 400 for a path whose percent-escapes do not decode
 * (`/articles/%zz` was Next's plain 500).
 *
 * Not in front of API routes, with one exception: Next buffers every request body a proxy sees (up
 * to `proxyClientMaxBodySize`, reading the rest to the end before the handler starts), which would
 * defeat the API's streaming 2 MB limit. API routes set their headers in `route()` (lib/http.ts);
 * only API paths holding a `%` pass here, to be checked like pages.
 */
/** `/t/<publicId>` and `/t/<publicId>/embed` (app/t/[publicId]/…), with or without a trailing slash. */
const CARD_ROUTE = /^\/t\/[^/]+(\/embed)?\/?$/;

export function proxy(request: NextRequest) {
  const malformed = malformedPathResponse(request.url);
  if (malformed) return malformed;
  const { pathname } = new URL(request.url);
  // The transparency card's two routes set their own headers (its embed must be framable by other
  // sites); any other /t/ path is Next's 404 page and gets the pages' headers like every page.
  if (pathname.startsWith("/api/") || CARD_ROUTE.test(pathname)) return NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", pathname });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(process.env.NODE_ENV === "production")))
    response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Pages; not static files, and not server-action posts (their answers are no documents, and
    // Next would buffer their bodies for the proxy).
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    "/api/:path(.*%.*)",
  ],
};
