import { type AppError, STATUS_BY_CODE } from "@/lib/errors";
import { parseSearchParams } from "@/lib/http";
import { escapeHtml } from "@/lib/reports/format-html";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "@/lib/security/headers";
import { cardDocument } from "./card-html";
import { respondWithCard } from "./card-response";
import { cardStyleSchema } from "./card-style";

/**
 * The security headers every answer carries (proxy.ts skips these routes like the API's), minus
 * X-Frame-Options: it cannot say "any site" for the embed, and frame-ancestors says it for both.
 */
function cardSecurityHeaders(): Record<string, string> {
  const { "x-frame-options": _, ...headers } = baseSecurityHeaders(process.env.NODE_ENV === "production");
  return headers;
}

/**
 * Headers of the public HTML card. No script runs in it (default-src 'none'); the embed may be
 * framed by any site (that is its purpose), the page only by this one. These routes live under
 * /t/ so a site-wide header policy can leave them their own (see README, Security).
 */
const htmlHeaders = (frameAncestors: string) => ({
  ...cardSecurityHeaders(),
  "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`,
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "cross-origin",
});

function htmlError(error: AppError): Response {
  const message =
    error.code === "not_found"
      ? "This transparency card is not available: the link is wrong, or the story is being reviewed again."
      : error.message;
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Transparency card</title></head><body><p>${escapeHtml(message)}</p></body></html>\n`,
    { status: STATUS_BY_CODE[error.code], headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

/** GET /t/<publicId> and /t/<publicId>/embed. */
export function cardHtmlRoute(embed: boolean) {
  return async (request: Request, context: { params: Promise<{ publicId: string }> }) => {
    const { publicId } = await context.params;
    return respondWithCard(request, {
      publicId,
      headers: htmlHeaders(embed ? "*" : "'self'"),
      error: htmlError,
      render: (card) => ({
        body: cardDocument(card, { embed, style: embed ? parseSearchParams(request, cardStyleSchema) : {} }),
        contentType: "text/html; charset=utf-8",
      }),
    });
  };
}

/** GET /api/transparency/<publicId>: the card as JSON for a CMS; public data, so any origin may read it. */
export async function cardJsonRoute(request: Request, context: { params: Promise<{ publicId: string }> }) {
  const { publicId } = await context.params;
  return respondWithCard(request, {
    publicId,
    headers: {
      ...cardSecurityHeaders(),
      "content-security-policy": API_CONTENT_SECURITY_POLICY,
      "access-control-allow-origin": "*",
    },
    render: (card) => ({ body: JSON.stringify(card), contentType: "application/json; charset=utf-8" }),
  });
}
