import { describe, expect, it } from "vitest";
import { groupBlocks } from "@/lib/statements/group-blocks";
import { segmentText } from "@/lib/statements/segment-text";

describe("groupBlocks", () => {
  it("keeps sentences of one paragraph together and headings alone", () => {
    const body = "Title here\n\nOne. Two.\n\nThree.\nFour.";
    const blocks = groupBlocks(body, segmentText(body));
    expect(blocks.map((b) => (b.kind === "heading" ? "H" : b.statements.length))).toEqual(["H", 2, 2]);
  });

  it("starts a new paragraph on a blank line holding spaces", () => {
    const body = "One.\n  \nTwo.";
    expect(groupBlocks(body, segmentText(body)).map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("handles no statements", () => {
    expect(groupBlocks("", [])).toEqual([]);
  });
});
