import { describe, expect, it } from "vitest";
import { measureCoverage, statementAt } from "@/lib/workspace/coverage";

const statements = [
  { id: "h", kind: "heading" as const, start: 0, end: 5 },
  { id: "a", kind: "sentence" as const, start: 7, end: 20 },
  { id: "b", kind: "sentence" as const, start: 21, end: 40 },
  { id: "c", kind: "sentence" as const, start: 41, end: 60 },
];

describe("measureCoverage", () => {
  it("counts sentences overlapped by attributed, anchored claims", () => {
    const claims = [
      { start: 8, end: 12, attributions: [{}] },
      { start: 22, end: 30, attributions: [] },
      { start: 45, end: 50, attributions: [{}], orphaned: true },
    ];
    const coverage = measureCoverage(statements, claims);
    expect(coverage).toMatchObject({ sentences: 3, sourced: 1 });
    expect(coverage.unsourced.map((s) => s.id)).toEqual(["b", "c"]);
  });
  it("handles an article with no sentences", () => {
    expect(measureCoverage([statements[0]], [])).toEqual({ sentences: 0, sourced: 0, unsourced: [] });
  });
});

describe("statementAt", () => {
  it("finds the statement holding an offset, or the next one after a gap", () => {
    expect(statementAt(statements, 10)?.id).toBe("a");
    expect(statementAt(statements, 20)?.id).toBe("b");
    expect(statementAt(statements, 99)).toBeUndefined();
  });
});
