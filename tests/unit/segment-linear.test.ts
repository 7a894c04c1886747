import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText, sentenceBreaks } from "@/lib/statements/segment-text";
import { largeArticleBody } from "../integration/fixtures/large-article";

const icu = new Intl.Segmenter("en", { granularity: "sentence" });
const icuBreaks = (text: string) => [...icu.segment(text)].map((s) => s.index).filter((i) => i > 0 && i < text.length);

// Pieces that exercise ICU's look-ahead rules across a chunk's end: closers, spaces, digits and a
// lowercase word after a full stop, long unpunctuated runs, CJK and Arabic stops, emoji.
const PIECES = [
  "He said so. ",
  "“It is done,” she said. ",
  'etc. 12 34 "and" then more. ',
  `etc. ${"1 ".repeat(90)}then more. `,
  "Why?! ",
  "No... maybe. ",
  "The U.S. agency said. ",
  "今天天气很好。",
  "قال إنه بخير. ",
  "I won! 🎉 ",
  "a".repeat(700),
  " ",
  "x ".repeat(3000),
  "(Done.) ",
  "5.5% rose. ",
];

describe("sentenceBreaks (ICU in chunks)", () => {
  it("finds exactly the breaks of one pass of ICU over the whole text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 120 }), (pieces) => {
        const text = pieces.join("");
        expect([...sentenceBreaks(text)]).toEqual(icuBreaks(text));
      }),
      { numRuns: 100, seed: 14 },
    );
  });

  it("re-reads breaks near a chunk's end, where ICU's look-ahead (`etc. 1 1 … then`) was cut off", () => {
    // The first chunk ends at 4,096: slide the long look-ahead across that end.
    for (let pad = 0; pad < 300; pad += 4) {
      const text = `${"He said so. ".repeat(330)}${"x".repeat(pad)} etc. ${"1 ".repeat(60)}then more. ${"Ok. ".repeat(100)}`;
      expect([...sentenceBreaks(text)]).toEqual(icuBreaks(text));
    }
  }, 30_000);

  it("agrees with ICU on a long generated article flattened into one paragraph", () => {
    const text = largeArticleBody(8000, "linear").replace(/\n+/g, " ");
    expect([...sentenceBreaks(text)]).toEqual(icuBreaks(text));
  });
});

describe("segmentText on one huge paragraph", () => {
  it("segments 512 kB without line breaks in well under the seconds the quadratic version took", () => {
    const text = largeArticleBody(100_000, "huge")
      .replace(/\n+/g, " ")
      .slice(0, 512 * 1024);
    const t0 = performance.now();
    const segments = segmentText(text);
    const ms = performance.now() - t0;
    // ~0.2 s on a quiet machine, under 2 s with the whole suite running beside it; the per-step ICU
    // iteration took 15-35 s here (O(sentences × length): 128 kB alone took 0.9-2.2 s).
    expect(ms).toBeLessThan(8000);
    expect(segments.length).toBeGreaterThan(4000);
  }, 30_000);
});
