"use client";

import { useCallback } from "react";
import { deleteAttribution, restoreAttribution } from "@/lib/client/attributions";
import { deleteClaim, restoreClaim } from "@/lib/client/claims";
import type { WorkspaceClaim } from "@/lib/workspace/types";
import { useToast } from "./toasts";
import type { Workspace } from "./use-workspace";

interface Removal {
  what: "Claim" | "Attribution";
  remove: () => Promise<{ auditEventId: string }>;
  restore: (auditEventId: string) => Promise<unknown>;
}

/** Deletions save at once; the toast offers an undo that restores the record exactly (same ids). */
export function useUndoableDelete({ save }: Workspace) {
  const toast = useToast();

  const run = useCallback(
    async ({ what, remove, restore }: Removal) => {
      const deleted = await save(remove);
      if (!deleted) return;
      toast({
        message: `${what} deleted.`,
        tone: "info",
        action: { label: "Undo", run: () => void save(() => restore(deleted.auditEventId), `${what} restored`) },
      });
    },
    [save, toast],
  );

  return {
    deleteClaim: (claim: WorkspaceClaim) =>
      run({ what: "Claim", remove: () => deleteClaim(claim.id, claim.version), restore: restoreClaim }),
    deleteAttribution: (claim: WorkspaceClaim, attributionId: string) => {
      const attribution = claim.attributions.find((a) => a.id === attributionId);
      return attribution
        ? run({
            what: "Attribution",
            remove: () => deleteAttribution(attribution.id, attribution.version),
            restore: restoreAttribution,
          })
        : Promise.resolve();
    },
  };
}
