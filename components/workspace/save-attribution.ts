"use client";

import { type AttributionChanges, updateAttribution } from "@/lib/client/attributions";
import { describeCollision, fieldName, rebaseAttribution } from "@/lib/workspace/rebase-attribution";
import type { WorkspaceAttribution } from "@/lib/workspace/types";
import type { Workspace } from "./use-workspace";

/**
 * Saves a change to an attribution on top of the version the editor saw. When someone else changed
 * it first (409), the change is re-applied on the fresh version if it touches other fields, and
 * otherwise refused with exactly what collided: the editor's typed text stays in its field.
 */
export function saveAttribution(
  workspace: Workspace,
  a: WorkspaceAttribution,
  changes: Omit<AttributionChanges, "version">,
  done = "Saved",
) {
  return workspace.save(() => updateAttribution(a.id, { version: a.version, ...changes }), done, {
    onConflict: (fresh) => {
      const now = fresh.claims.flatMap((c) => c.attributions).find((x) => x.id === a.id) ?? null;
      const plan = rebaseAttribution(a, now, changes);
      if (plan.kind === "gone" || !now)
        return { error: "This attribution was deleted by someone else meanwhile; your change was not saved." };
      if (plan.kind === "collided") {
        const typed = plan.fields.some((f) => f.field === "note")
          ? " Your note is kept in its field: save it again to replace theirs."
          : "";
        return { error: `${describeCollision(plan.fields)}${typed}` };
      }
      const theirs = plan.theirs
        .filter((f) => changes[f] === undefined)
        .map(fieldName)
        .join(", ");
      const on = theirs ? `, on top of someone else's change to the ${theirs}` : "";
      return {
        retry: () =>
          Object.keys(plan.changes).length
            ? updateAttribution(a.id, { version: now.version, ...plan.changes })
            : Promise.resolve(now),
        done: `${done}${on}`,
      };
    },
  });
}
