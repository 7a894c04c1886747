/**
 * Security headers, in one place: pages get them from proxy.ts (with a fresh CSP nonce per
 * request, which Next puts on its own inline scripts), API responses from `route()` (lib/http.ts), the
 * standalone HTML report from its response (a hash of its one stylesheet). Imported
 * by proxy.ts, lib/http.ts and the report response.
 */

const join = (directives: string[]) => directives.join("; ");

/** Headers every response carries (pages, API, the HTML report). */
export function baseSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    // The CSP's frame-ancestors 'none' says the same to browsers that read it; old ones read this.
    "x-frame-options": "DENY",
    // Article URLs link out to outlets: send them nothing about which page of ours linked there.
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
    // Browsers ignore it over plain HTTP, so it is safe on localhost too; a year, subdomains included.
    ...(production ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Paths whose server-drawn SVG charts (Observable Plot) carry inline `<style>` and `style=""`. */
const INLINE_STYLE_PATHS = ["/trends"];

/**
 * The pages' policy: scripts only with this request's nonce (and what they load, 'strict-dynamic'),
 * styles from our own origin or with the nonce, nothing framed, nothing posted elsewhere. Dev mode
 * adds what `next dev` needs: eval for React's debugging, websockets for hot reload, inline styles.
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev: boolean; pathname?: string }): string {
  const { nonce, dev } = options;
  // next dev's overlay and hot reload, and the charts' SVG, add styles without the nonce (and a
  // nonce in the directive would make browsers ignore 'unsafe-inline'); elsewhere styles carry it.
  const inlineStyles = dev || INLINE_STYLE_PATHS.includes(options.pathname ?? "");
  return join([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]);
}

/** JSON and CSV answers are never documents: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = join(["default-src 'none'", "frame-ancestors 'none'"]);

/** The HTML report is a document with one stylesheet and no scripts: allow exactly that stylesheet. */
export function htmlReportContentSecurityPolicy(styleHash: string): string {
  return join([
    "default-src 'none'",
    `style-src '${styleHash}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]);
}
