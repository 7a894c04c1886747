import { ROLES_THAT_WRITE } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/require-user";
import { parseSearchParams, route } from "@/lib/http";
import { importResponse } from "@/lib/import/import-response";
import { importQuerySchema } from "@/lib/import/schema";

export const dynamic = "force-dynamic";

/** NDJSON in, NDJSON progress events out; the body limit is MAX_IMPORT_BYTES, not the 2 MB JSON limit. */
export const POST = route(async (request) => {
  const user = await requireRole(request, ROLES_THAT_WRITE);
  const { onDuplicate } = parseSearchParams(request, importQuerySchema);
  return importResponse(request, { actorId: user.id, onDuplicate });
});
