import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { runWithPeer } from "./client-address";

const INSTALLED = Symbol.for("sourcedesk.peer-address-hook");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Makes every HTTP request's socket address (and X-Forwarded-For as received) available to
 * clientAddress() for the whole handling of that request. Next 16 hides the socket from route
 * handlers and server actions, and its own X-Forwarded-For fallback cannot be told apart from a
 * header the client forged; the `request` event still has the socket. Wrapping the event in an
 * AsyncLocalStorage scope reaches every await below it without touching any header a client can set.
 * Idempotent; call it once at start-up (instrumentation.ts).
 */
export function installPeerAddressHook(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (proto[INSTALLED]) continue;
    const original = proto.emit;
    proto.emit = function emit(this: unknown, event, ...args) {
      if (event !== "request") return original.call(this, event, ...args);
      const request = args[0] as IncomingMessage;
      const forwarded = request.headers["x-forwarded-for"];
      return runWithPeer(
        {
          socketAddress: request.socket?.remoteAddress,
          forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        },
        () => original.call(this, event, ...args),
      );
    };
    proto[INSTALLED] = true;
  }
}
