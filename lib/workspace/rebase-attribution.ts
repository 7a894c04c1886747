import type { AttributionChanges } from "@/lib/client/attributions";
import { MODE_LABELS } from "@/lib/reports/labels";
import type { WorkspaceAttribution } from "./types";

/**
 * After a refused write (409), whether the editor's change can be re-applied on the fresh version:
 * yes when nobody else changed the fields it touches (or changed them to the same values); else
 * exactly which fields collided, theirs and ours, so nothing typed is lost or silently overwritten.
 */
export type Field = Exclude<keyof AttributionChanges, "version">;

export type Rebase =
  | { kind: "reapply"; changes: Omit<AttributionChanges, "version">; theirs: Field[] }
  | { kind: "collided"; fields: { field: Field; theirs: string; ours: string }[] }
  | { kind: "gone" };

const FIELD_NAMES: Record<Field, string> = {
  sourceId: "source",
  mode: "mode",
  cue: "cue",
  mention: "mention",
  viaSourceId: "via source",
  note: "note",
};
export const fieldName = (field: Field) => FIELD_NAMES[field];
const FIELDS = ["sourceId", "mode", "cue", "mention", "viaSourceId", "note"] as const satisfies readonly Field[];

type Comparable = string | null;

/** A field's value as the API takes it, as a comparable string (spans by their offsets). */
function fieldValue(a: WorkspaceAttribution, field: Field): Comparable {
  switch (field) {
    case "sourceId":
      return a.source.id;
    case "mode":
      return a.mode;
    case "viaSourceId":
      return a.via?.id ?? null;
    case "note":
      return a.note ?? null;
    case "cue":
    case "mention": {
      const span = a[field];
      return span ? `${span.start}-${span.end}` : null;
    }
  }
}

function sentValue(changes: Omit<AttributionChanges, "version">, field: Field): Comparable {
  const value = changes[field];
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return `${value.start}-${value.end}`;
  return typeof value === "string" ? value.trim() || null : String(value);
}

/** How a value reads in a message: the note's text, the mode's label, a span's words. */
function shown(a: WorkspaceAttribution, field: Field): string {
  if (field === "mode") return MODE_LABELS[a.mode].toLowerCase();
  if (field === "note") return a.note ? `“${a.note}”` : "empty";
  if (field === "sourceId") return a.source.name;
  if (field === "viaSourceId") return a.via?.name ?? "none";
  const span = a[field];
  return span ? `“${span.text}”` : "none";
}

function shownSent(changes: Omit<AttributionChanges, "version">, field: Field): string {
  if (field === "mode") return changes.mode ? MODE_LABELS[changes.mode].toLowerCase() : "none";
  if (field === "note") return changes.note ? `“${changes.note}”` : "empty";
  return changes[field] ? "your choice" : "none";
}

export function rebaseAttribution(
  base: WorkspaceAttribution,
  fresh: WorkspaceAttribution | null,
  changes: Omit<AttributionChanges, "version">,
): Rebase {
  if (!fresh) return { kind: "gone" };
  const fields = FIELDS.filter((f) => changes[f] !== undefined);
  const theirs = FIELDS.filter((f) => fieldValue(base, f) !== fieldValue(fresh, f));
  const collided = fields.filter((f) => theirs.includes(f) && fieldValue(fresh, f) !== sentValue(changes, f));
  if (collided.length)
    return {
      kind: "collided",
      fields: collided.map((field) => ({
        field,
        theirs: shown(fresh, field),
        ours: shownSent(changes, field),
      })),
    };
  // Fields they changed to what we sent are already saved; the rest go on top of their version.
  const remaining = { ...changes };
  for (const f of theirs) delete remaining[f];
  return { kind: "reapply", changes: remaining, theirs };
}

/** The sentence an editor reads when their change collided with someone else's. */
export function describeCollision(fields: { field: Field; theirs: string; ours: string }[]): string {
  const parts = fields.map(
    ({ field, theirs, ours }) =>
      `the ${fieldName(field)} was changed by someone else meanwhile (now ${theirs}; yours: ${ours})`,
  );
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
