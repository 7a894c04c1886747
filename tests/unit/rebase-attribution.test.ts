import { describe, expect, it } from "vitest";
import { describeCollision, rebaseAttribution } from "@/lib/workspace/rebase-attribution";
import type { WorkspaceAttribution, WorkspaceSource } from "@/lib/workspace/types";

const source = (id: string, name: string): WorkspaceSource => ({
  id,
  type: "person",
  name,
  anonymous: false,
  count: null,
  affiliation: null,
  role: null,
  anonymityReason: null,
  identityKnownToNewsroom: null,
  gender: "unknown",
  attributes: {},
  notes: "",
  version: 1,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
});

const base: WorkspaceAttribution = {
  id: "a1",
  claimId: "c1",
  mode: "paraphrase",
  cue: { start: 13, end: 17, text: "said" },
  mention: null,
  source: source("s1", "The minister"),
  via: null,
  note: null,
  origin: "manual",
  confidence: null,
  version: 1,
  createdById: "u1",
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
};
const changed = (fields: Partial<WorkspaceAttribution>) => ({ ...base, version: 2, ...fields });

describe("rebaseAttribution: a refused change put back on the fresh version", () => {
  it("re-applies a note on top of someone else's mode", () => {
    expect(rebaseAttribution(base, changed({ mode: "direct_quote" }), { note: "Confirmed by phone" })).toEqual({
      kind: "reapply",
      changes: { note: "Confirmed by phone" },
      theirs: ["mode"],
    });
  });

  it("says exactly which field collided, with theirs and ours", () => {
    const plan = rebaseAttribution(base, changed({ note: "Their note" }), { note: "My note" });
    expect(plan).toEqual({ kind: "collided", fields: [{ field: "note", theirs: "“Their note”", ours: "“My note”" }] });
    if (plan.kind !== "collided") throw new Error("expected a collision");
    expect(describeCollision(plan.fields)).toBe(
      "The note was changed by someone else meanwhile (now “Their note”; yours: “My note”).",
    );
    const modes = rebaseAttribution(base, changed({ mode: "direct_quote" }), { mode: "partial_quote" });
    expect(modes).toMatchObject({
      kind: "collided",
      fields: [{ field: "mode", theirs: "direct quote", ours: "partial quote" }],
    });
  });

  it("needs nothing more when they already made the same change", () => {
    expect(rebaseAttribution(base, changed({ mode: "direct_quote" }), { mode: "direct_quote" })).toEqual({
      kind: "reapply",
      changes: {},
      theirs: ["mode"],
    });
  });

  it("compares spans by offsets and via by source", () => {
    const moved = changed({ cue: { start: 20, end: 24, text: "told" } });
    expect(rebaseAttribution(base, moved, { cue: { start: 0, end: 3 } })).toMatchObject({ kind: "collided" });
    expect(rebaseAttribution(base, moved, { viaSourceId: "s2" })).toEqual({
      kind: "reapply",
      changes: { viaSourceId: "s2" },
      theirs: ["cue"],
    });
    const via = changed({ via: source("s3", "Politico") });
    expect(rebaseAttribution(base, via, { viaSourceId: "s2" })).toMatchObject({
      kind: "collided",
      fields: [{ field: "viaSourceId", theirs: "Politico" }],
    });
  });

  it("reports a deleted attribution", () => {
    expect(rebaseAttribution(base, null, { note: "x" })).toEqual({ kind: "gone" });
  });
});
