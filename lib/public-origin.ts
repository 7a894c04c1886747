/**
 * The base URL readers reach this app at, for links that leave it (the transparency card's page
 * and embed code pasted into a CMS). Behind a proxy or CDN the request's own Host can be an
 * internal name, and a link pasted once lives for years: `SOURCEDESK_PUBLIC_ORIGIN`
 * (e.g. `https://desk.example.org`) says it outright; without it, the request as the browser sent
 * it (X-Forwarded-Proto/-Host from the proxy, else Host).
 */
const warned = { origin: "" };

function configuredOrigin(): string | null {
  const raw = process.env.SOURCEDESK_PUBLIC_ORIGIN?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  } catch {
    // reported below
  }
  if (warned.origin !== raw) {
    warned.origin = raw;
    console.warn(
      `[sourcedesk] SOURCEDESK_PUBLIC_ORIGIN: "${raw.slice(0, 80)}" is not an http(s) URL; using the request's`,
    );
  }
  return null;
}

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
/** A host[:port] and nothing else, so a forged header cannot put a path or markup into a link. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The host the client addressed: the proxy's X-Forwarded-Host, else Host, else `fallback`. */
export function requestHost(headers: Headers, fallback = "localhost"): string {
  return first(headers.get("x-forwarded-host")) || headers.get("host") || fallback;
}

/** `https://desk.example.org`, without a trailing slash. */
export function publicOrigin(headers: Headers): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  const proto = first(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  const host = requestHost(headers);
  return `${proto}://${HOST.test(host) ? host : "localhost"}`;
}
