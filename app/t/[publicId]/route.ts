import { cardHtmlRoute } from "@/lib/transparency/card-routes";

export const dynamic = "force-dynamic";

/** The public transparency card of an approved article: no sign-in, no cookies, rate-limited. */
export const GET = cardHtmlRoute(false);
