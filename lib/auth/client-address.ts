import { AsyncLocalStorage } from "node:async_hooks";
import { isIPv4, isIPv6 } from "node:net";
import { envNumber } from "@/lib/env";

/** What the HTTP server knew about a request before any handler ran (see peer-address-hook.ts). */
export interface RequestPeer {
  /** The TCP peer: the client itself, or the nearest proxy. */
  socketAddress: string | undefined;
  /** `X-Forwarded-For` exactly as it arrived (Next fills it in later when absent). */
  forwardedFor: string | undefined;
}

// One store per process, however many bundles import this file (instrumentation and each route
// are compiled separately; a module-level instance would not be shared between them).
const STORE = Symbol.for("sourcedesk.request-peer");
const registry = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<RequestPeer> };
registry[STORE] ??= new AsyncLocalStorage<RequestPeer>();
const peers = registry[STORE];

/** Runs `fn` (a request's whole handling) with its peer known to clientAddress(). */
export function runWithPeer<T>(peer: RequestPeer, fn: () => T): T {
  return peers.run(peer, fn);
}

/** `SOURCEDESK_TRUSTED_PROXIES`: how many proxies in front of the app append to X-Forwarded-For. */
export function trustedProxies(): number {
  return envNumber("SOURCEDESK_TRUSTED_PROXIES", { default: 0, min: 0, max: 16 });
}

/** `::ffff:1.2.3.4` is 1.2.3.4; an IPv6 client is its /64 (one machine usually holds a whole /64). */
export function normalizeAddress(raw: string): string {
  const address = raw.trim().replace(/^\[|\]$/g, "");
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  // Not an address (a proxy's "unknown", garbage): kept, bounded, as its own bucket.
  return address.slice(0, 64) || "unknown";
}

function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return groups.map((g) => (g.includes(".") ? g : Number.parseInt(g || "0", 16).toString(16)));
}

/**
 * The client's address: the socket's peer, or behind `trusted` proxies the X-Forwarded-For entry
 * that the outermost trusted proxy appended (counting from the right). Entries further left are
 * whatever the client wrote, so they are never used unless the chain is shorter than promised.
 */
export function resolveClientAddress(peer: RequestPeer, trusted: number): string {
  const chain = [
    ...(peer.forwardedFor ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean),
    peer.socketAddress ?? "unknown",
  ];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - trusted)]);
}

let warned = false;

/**
 * The address of the client of the request being handled, for rate limiting. Next 16 gives route
 * handlers and server actions no socket address (NextRequest.ip is gone, and Next writes the
 * socket address into X-Forwarded-For only when the client sent none), so the HTTP server's
 * `request` event records it (instrumentation.ts → peer-address-hook.ts).
 */
export function clientAddress(): string {
  const peer = peers.getStore();
  if (!peer) {
    if (!warned) {
      warned = true;
      console.warn("[sourcedesk] no socket address for this request (peer-address hook not installed?)");
    }
    return "unknown";
  }
  return resolveClientAddress(peer, trustedProxies());
}
