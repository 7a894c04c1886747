import { describe, expect, it } from "vitest";
import { diversityRowsOfMonths } from "@/lib/trends/diversity-months";
import { type SourceMonthRow, sourceMonthsCover } from "@/lib/trends/source-months-sql";

describe("sourceMonthsCover: the source months answer whole months only", () => {
  it.each([
    [{ from: "2023-01-01", to: "2025-12-31" }, true],
    [{ from: "2024-02-01", to: "2024-02-29" }, true], // a leap February ends on the 29th
    [{ from: "2023-02-01", to: "2023-02-28" }, true],
    [{ from: "2024-02-01", to: "2024-02-28" }, false], // …so the 28th cuts it
    [{ from: "2023-01-02", to: "2023-12-31" }, false],
    [{ from: "2023-01-01", to: "2023-12-30" }, false],
    [{ from: "2023-03-01" }, true], // open ends are whole
    [{ to: "2023-04-30" }, true],
    [{}, true],
    [{ from: "2023-04-30", to: "2023-05-01" }, false],
  ])("%j → %s", (range, expected) => {
    expect(sourceMonthsCover({ interval: "month", ...range })).toBe(expected);
  });

  it("never for a weekly series", () => {
    expect(sourceMonthsCover({ interval: "week", from: "2023-01-01", to: "2023-12-31" })).toBe(false);
  });
});

describe("diversityRowsOfMonths: the pairs' GROUPING levels from the source months", () => {
  const row = (r: Partial<SourceMonthRow>): SourceMonthRow => ({
    kind: "person",
    dimension: "",
    value: null,
    month: null,
    sources: 1,
    ...r,
  });
  it("maps desk months, months and the range, people by gender and anonymous sources", () => {
    const { people, anonymous } = diversityRowsOfMonths([
      row({ kind: "gender:woman", dimension: "desk", value: "metro", month: "2023-01-01", sources: 2 }),
      row({ kind: "person", dimension: "desk", value: null, month: "2023-01-01", sources: 3 }),
      row({ kind: "gender:man", month: "2023-01-01", sources: 4 }),
      row({ kind: "person", month: "2023-01-01", sources: 5 }),
      row({ kind: "gender:unknown", sources: 6 }),
      row({ kind: "person", sources: 7 }),
      row({ kind: "person", dimension: "desk", value: "metro", sources: 8 }), // a desk's range: no cell
      row({ kind: "anonymous", dimension: "desk", value: "metro", month: "2023-02-01", sources: 9 }),
      row({ kind: "anonymous", month: "2023-02-01", sources: 10 }),
      row({ kind: "anonymous", sources: 11 }),
    ]);
    expect(people).toEqual([
      { period: "2023-01-01", desk: "metro", gender: "woman", level: 0, people: 2 },
      { period: "2023-01-01", desk: null, gender: null, level: 1, people: 3 },
      { period: "2023-01-01", desk: null, gender: "man", level: 2, people: 4 },
      { period: "2023-01-01", desk: null, gender: null, level: 3, people: 5 },
      { period: null, desk: null, gender: "unknown", level: 6, people: 6 },
      { period: null, desk: null, gender: null, level: 7, people: 7 },
    ]);
    expect(anonymous).toEqual([
      { period: "2023-02-01", desk: "metro", level: 0, people: 9 },
      { period: "2023-02-01", desk: null, level: 1, people: 10 },
      { period: null, desk: null, level: 3, people: 11 },
    ]);
  });
});
