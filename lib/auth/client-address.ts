/** The caller's address for rate limiting; behind a proxy, its first X-Forwarded-For hop. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
