import { cardJsonRoute } from "@/lib/transparency/card-routes";

export const dynamic = "force-dynamic";

/** The transparency card as JSON (public, like the card itself). */
export const GET = cardJsonRoute;
