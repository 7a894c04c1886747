import { findHistory } from "@/lib/audit/find-history";
import { historyQuerySchema } from "@/lib/audit/schema";
import { authenticate } from "@/lib/auth/require-user";
import { type IdContext, idParam, ok, parseSearchParams, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Everyone who may read the article may read its history. */
export const GET = route(async (request, context: IdContext) => {
  await authenticate(request);
  const id = await idParam(context, "Article");
  return ok(await findHistory(id, parseSearchParams(request, historyQuerySchema)));
});
