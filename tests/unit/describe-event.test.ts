import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/audit/describe-event";

const source = (name: string) => ({ id: name, name, type: "person" });
const attribution = (fields: Record<string, unknown> = {}) => ({
  source: source("Four US officials"),
  mode: "paraphrase",
  cue: null,
  mention: null,
  via: null,
  note: null,
  ...fields,
});

describe("describeEvent: the history in words", () => {
  it("says what a status move did, with the reviewer's comment", () => {
    expect(
      describeEvent({
        action: "update",
        entity: "article",
        before: { status: "in_review", version: 2 },
        after: { status: "draft", version: 3, transition: "Send back", comment: "C8 needs a second source" },
      }),
    ).toBe("sent back to draft: “C8 needs a second source”");
    expect(
      describeEvent({
        action: "update",
        entity: "article",
        before: { status: "draft" },
        after: { status: "in_review", transition: "Submit for review", comment: null },
      }),
    ).toBe("submitted the article for review");
    expect(
      describeEvent({
        action: "update",
        entity: "article",
        before: { status: "approved" },
        after: { status: "in_review", transition: "Sent back to review: its sourcing changed", cause: "claim.span" },
      }),
    ).toBe("sent the approved article back to review: a claim's span was adjusted");
  });

  it("names text edits and what re-anchoring did", () => {
    const edit = describeEvent({
      action: "update",
      entity: "article",
      before: { body: {}, status: "approved" },
      after: {
        body: {},
        status: "in_review",
        reanchor: { claims: [{ outcome: "adjusted" }, { outcome: "kept" }, { outcome: "orphaned", orphaned: true }] },
      },
    });
    expect(edit).toBe("edited the text, 1 claim adjusted to the edit, which sent it back to review, 1 orphaned");
    expect(describeEvent({ action: "update", entity: "article", before: { title: "a" }, after: { title: "b" } })).toBe(
      "changed the title",
    );
  });

  it("describes claims: tagging, reviews with comments, span adjustments, deletion and restore", () => {
    expect(describeEvent({ action: "create", entity: "claim", before: null, after: { text: "the plan works" } })).toBe(
      "tagged the claim “the plan works”",
    );
    expect(
      describeEvent({
        action: "update",
        entity: "claim",
        before: { reviewStatus: "pending" },
        after: { reviewStatus: "flagged", reviewComment: "Needs a second source" },
      }),
    ).toBe("flagged a claim: “Needs a second source”");
    expect(
      describeEvent({
        action: "update",
        entity: "claim",
        before: {},
        after: { reviewStatus: "approved", reviewComment: null },
      }),
    ).toBe("approved a claim");
    expect(
      describeEvent({
        action: "update",
        entity: "claim",
        before: { text: "plan works" },
        after: { start: 1, text: "the plan works" },
      }),
    ).toBe("adjusted the claim “plan works” to “the plan works”");
    expect(
      describeEvent({ action: "delete", entity: "claim", before: { text: "x".repeat(200) }, after: null }),
    ).toMatch(/^deleted the claim “x{79}…”$/);
    // Cut at a character, never between the halves of an emoji (a lone surrogate shows as �).
    const emojis = describeEvent({
      action: "delete",
      entity: "claim",
      before: { text: "😀".repeat(60) },
      after: null,
    });
    expect(emojis.isWellFormed()).toBe(true);
    expect(emojis).toBe(`deleted the claim “${"😀".repeat(39)}…”`);
    expect(
      describeEvent({ action: "create", entity: "claim", before: null, after: { text: "t", restoredFrom: "9" } }),
    ).toBe("restored the claim “t”");
  });

  it("lists each changed field of an attribution", () => {
    expect(describeEvent({ action: "create", entity: "attribution", before: null, after: attribution() })).toBe(
      "attributed a claim to Four US officials (paraphrase)",
    );
    expect(
      describeEvent({
        action: "update",
        entity: "attribution",
        before: attribution(),
        after: attribution({
          mode: "direct_quote",
          cue: { text: "have made it clear" },
          via: source("Politico"),
          note: "ok",
        }),
      }),
    ).toBe(
      "changed the mode from paraphrase to direct quote, marked the cue “have made it clear”, set via Politico, noted “ok” (attribution to Four US officials)",
    );
    expect(
      describeEvent({
        action: "update",
        entity: "attribution",
        before: attribution({ mention: { text: "he" } }),
        after: attribution(),
      }),
    ).toBe("cleared the mention (attribution to Four US officials)");
    expect(describeEvent({ action: "delete", entity: "attribution", before: attribution(), after: null })).toBe(
      "removed the attribution to Four US officials",
    );
  });

  it("survives snapshots of any shape", () => {
    for (const before of [null, 3, "x", [], {}])
      for (const entity of ["article", "claim", "attribution", "source", "rejected_suggestion", "api_token"])
        expect(typeof describeEvent({ action: "update", entity, before, after: before })).toBe("string");
  });
});
