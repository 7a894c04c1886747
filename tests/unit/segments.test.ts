import { describe, expect, it } from "vitest";
import { splitIntoSegments } from "@/lib/text/segments";

describe("splitIntoSegments", () => {
  it("returns the range whole when nothing overlaps", () => {
    expect(splitIntoSegments({ start: 5, end: 10 }, [{ start: 0, end: 5, kind: "claim", id: "a" }])).toEqual([
      { start: 5, end: 10, marks: [] },
    ]);
  });

  it("cuts at nested and overlapping marks", () => {
    const claim = { start: 2, end: 8, kind: "claim", id: "c" };
    const cue = { start: 4, end: 6, kind: "cue", id: "q" };
    const other = { start: 7, end: 12, kind: "claim", id: "d" };
    const segments = splitIntoSegments({ start: 0, end: 10 }, [claim, cue, other]);
    expect(segments.map((s) => [s.start, s.end, s.marks.map((m) => m.id).join("")])).toEqual([
      [0, 2, ""],
      [2, 4, "c"],
      [4, 6, "cq"],
      [6, 7, "c"],
      [7, 8, "cd"],
      [8, 10, "d"],
    ]);
  });

  it("covers the range exactly, without gaps", () => {
    const segments = splitIntoSegments({ start: 3, end: 20 }, [
      { start: 0, end: 4, kind: "x", id: "1" },
      { start: 19, end: 30, kind: "x", id: "2" },
    ]);
    expect(segments[0].start).toBe(3);
    expect(segments[segments.length - 1].end).toBe(20);
    for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
  });
});
