import { NextResponse } from "next/server";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "./headers";

/**
 * A 400 for a request whose path has a percent-escape that does not decode (`%`, `%zz`, a cut
 * UTF-8 sequence), which Next would otherwise answer with a plain-text 500 while matching routes:
 * the API's JSON error for `/api/…`, plain text for pages. Null when the path is fine.
 */
export function malformedPathResponse(url: string): Response | null {
  const raw = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/s, "");
  try {
    decodeURIComponent(raw);
    return null;
  } catch {
    // Not cacheable (it is about one request) and no document: nothing may load or frame it.
    const headers = {
      ...baseSecurityHeaders(process.env.NODE_ENV === "production"),
      "content-security-policy": API_CONTENT_SECURITY_POLICY,
      "cache-control": "no-store",
    };
    const message = "The path has a malformed percent-escape";
    if (raw.startsWith("/api/"))
      return NextResponse.json({ error: { code: "validation_error", message } }, { status: 400, headers });
    return new NextResponse(`Bad request: ${message.toLowerCase()}.\n`, {
      status: 400,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
}
