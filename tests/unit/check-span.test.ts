import { describe, expect, it } from "vitest";
import { assertParts, spanProblem, splitsSurrogatePair } from "@/lib/spans/check-span";

const text = "Hi 😀 مرحبا!"; // 😀 is two UTF-16 code units at 3..5

describe("spanProblem", () => {
  it.each([
    [{ start: 0, end: 2 }, null],
    [{ start: 3, end: 5 }, null],
    [{ start: 0, end: text.length }, null],
    [{ start: 4, end: 6 }, /surrogate/],
    [{ start: 0, end: 4 }, /surrogate/],
    [{ start: 2, end: 2 }, /less than/],
    [{ start: 3, end: 1 }, /less than/],
    [{ start: -1, end: 1 }, /0 or more/],
    [{ start: 0, end: text.length + 1 }, /at most/],
    [{ start: 0.5, end: 2 }, /integers/],
  ])("%j → %s", (span, expected) => {
    const problem = spanProblem(text, span);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("works on right-to-left text by code units", () => {
    const start = text.indexOf("مرحبا");
    expect(spanProblem(text, { start, end: start + 5 })).toBeNull();
    expect(text.slice(start, start + 5)).toBe("مرحبا");
  });
});

describe("splitsSurrogatePair", () => {
  it("only between the halves", () => {
    expect([3, 4, 5].map((i) => splitsSurrogatePair(text, i))).toEqual([false, true, false]);
    expect(splitsSurrogatePair("\uD800", 1)).toBe(false);
  });
});

describe("assertParts", () => {
  const body = `"We will win," he said, "whatever it takes."`;
  const claim = { start: 1, end: 43 };
  it("accepts ordered parts covering the claim", () => {
    expect(() =>
      assertParts(body, claim, [
        { start: 1, end: 13 },
        { start: 25, end: 43 },
      ]),
    ).not.toThrow();
  });
  it.each([
    [
      [
        { start: 25, end: 43 },
        { start: 1, end: 13 },
      ],
    ],
    [
      [
        { start: 1, end: 30 },
        { start: 25, end: 43 },
      ],
    ],
    [
      [
        { start: 2, end: 13 },
        { start: 25, end: 43 },
      ],
    ],
    [
      [
        { start: 1, end: 13 },
        { start: 25, end: 40 },
      ],
    ],
    [
      [
        { start: 1, end: 13 },
        { start: 25, end: 99 },
      ],
    ],
  ])("rejects %j", (parts) => {
    expect(() => assertParts(body, claim, parts)).toThrow();
  });
});
