import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";
import { envNumber } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse, toErrorResponse } from "@/lib/http";
import type { TransparencyCard } from "./build-card";
import { loadCard } from "./load-card";
import { ReadLimiter } from "./read-limiter";

/** 120 card reads a minute per address: a page with a few embeds, reloaded often, stays far below it. */
export const CARD_READS_PER_MINUTE = envNumber("SOURCEDESK_CARD_READS_PER_MINUTE", { default: 120, min: 1 });
const globalLimiter = globalThis as unknown as { cardReadLimiter?: ReadLimiter };
const limiter = () => (globalLimiter.cardReadLimiter ??= new ReadLimiter(CARD_READS_PER_MINUTE));

/**
 * Short public caching: a card that is revoked, or whose article leaves approval, is gone from
 * caches within a minute. Cards are the same for everyone, so shared caches may keep them.
 */
export const CARD_CACHE_CONTROL = "public, max-age=60";

/**
 * Errors are never cached: a 404 kept by a CDN would hide a card approved a moment later, a 429 or
 * 400 is about one request, and a 500 about one moment.
 */
const ERROR_CACHE_CONTROL = "no-store";

interface CardRoute {
  publicId: string;
  /** The body for a card; throws an AppError (e.g. bad style parameters) to refuse. */
  render: (card: TransparencyCard) => { body: string; contentType: string };
  /** Headers of every answer, the card or an error (CSP for HTML, CORS for JSON). */
  headers: Record<string, string>;
  /** How errors look: the API's JSON, or a small HTML page. */
  error?: (error: AppError) => Response;
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

/** Rate limit → card (404 unless approved with that id) → ETag / 304. Never sets a cookie. */
export async function respondWithCard(request: Request, options: CardRoute): Promise<Response> {
  const errorHeaders = { ...options.headers, "Cache-Control": ERROR_CACHE_CONTROL };
  const fail = (error: AppError) => withHeaders((options.error ?? errorResponse)(error), errorHeaders);
  try {
    const slot = limiter().take(clientAddress());
    if (!slot.allowed) {
      const response = fail(
        new AppError("rate_limited", "Too many requests for transparency cards; try again shortly"),
      );
      response.headers.set("Retry-After", String(slot.retryAfterSeconds));
      return response;
    }
    const card = await loadCard(options.publicId);
    if (!card) return fail(new AppError("not_found", "Transparency card not found"));
    const { body, contentType } = options.render(card);
    const etag = etagOf(body);
    const headers = { ...options.headers, ETag: etag, "Cache-Control": CARD_CACHE_CONTROL };
    const matches = request.headers
      .get("if-none-match")
      ?.split(",")
      .some((tag) => tag.trim().replace(/^W\//, "") === etag);
    if (matches) return withHeaders(new Response(null, { status: 304 }), headers);
    return withHeaders(new Response(body, { status: 200, headers: { "Content-Type": contentType } }), headers);
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    return withHeaders(toErrorResponse(error), errorHeaders);
  }
}
