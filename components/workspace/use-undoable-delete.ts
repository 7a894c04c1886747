"use client";

import { useCallback } from "react";
import { callApi } from "@/lib/client/api";
import type { WorkspaceClaim } from "@/lib/workspace/types";
import { useToast } from "./toasts";
import type { Workspace } from "./use-workspace";

/** Deletions save at once; the toast offers an undo that restores the record exactly (same ids). */
export function useUndoableDelete({ save }: Workspace) {
  const toast = useToast();

  const remove = useCallback(
    async (kind: "claims" | "attributions", id: string, version: number, what: string) => {
      const deleted = await save(() =>
        callApi<{ id: string; auditEventId: string }>("DELETE", `/api/${kind}/${id}?version=${version}`),
      );
      if (!deleted) return;
      toast({
        message: `${what} deleted.`,
        tone: "info",
        action: {
          label: "Undo",
          run: () =>
            void save(
              () => callApi("POST", `/api/${kind}/restore`, { auditEventId: deleted.auditEventId }),
              `${what} restored`,
            ),
        },
      });
    },
    [save, toast],
  );

  return {
    deleteClaim: (claim: WorkspaceClaim) => remove("claims", claim.id, claim.version, "Claim"),
    deleteAttribution: (claim: WorkspaceClaim, attributionId: string) => {
      const attribution = claim.attributions.find((a) => a.id === attributionId);
      return attribution
        ? remove("attributions", attribution.id, attribution.version, "Attribution")
        : Promise.resolve();
    },
  };
}
