import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { ok, parseJsonBody, route } from "@/lib/http";
import { suggestForText } from "@/lib/suggestions/article-suggestions";
import { suggestTextSchema } from "@/lib/suggestions/schema";

export const dynamic = "force-dynamic";

/** Suggested attributions for any text; offsets are into the text sent. */
export const POST = route(async (request) => {
  await requireRole(request, ROLES_THAT_WRITE);
  const { text, language } = await parseJsonBody(request, suggestTextSchema);
  return ok(await suggestForText({ text, language }));
});
