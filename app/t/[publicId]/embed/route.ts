import { cardHtmlRoute } from "@/lib/transparency/card-routes";

export const dynamic = "force-dynamic";

/** The card for an <iframe> on any site; `?accent=…&font=…` set its CSS variables. */
export const GET = cardHtmlRoute(true);
