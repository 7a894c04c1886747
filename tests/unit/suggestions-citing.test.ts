import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("citing", () => {
  it("gives the source's reason after an act that is not a report (guideline §10)", () => {
    expect(triple("The flight attendants’ union has opposed it, citing fears of layoffs and base closures.")).toEqual([
      ["The flight attendants’ union", "has opposed", "it"],
      ["The flight attendants’ union", "citing", "fears of layoffs and base closures"],
    ]);
    expect(
      suggest("Defense attorneys asked for three years, citing his age, his heart disease and his service.").find(
        (s) => s.cue === "citing",
      )?.content,
    ).toBe("his age, his heart disease and his service");
  });

  it("names the cited source through the outlet, before or after the report", () => {
    for (const text of [
      "The deal was done, Politico reported, citing two officials.",
      "The agency VTA, citing a source in the delegation, reported that the envoy would return.",
    ]) {
      const [s] = suggest(text);
      expect(s.cue).toBe("citing");
      expect(s.via).not.toBeNull();
    }
  });
});

describe("subjects of participles and coordinated verbs", () => {
  it("takes a restrictive relative clause into the mention", () => {
    expect(suggest("Economists who study the airline industry say mergers raise prices.")[0].mention).toBe(
      "Economists who study the airline industry",
    );
  });

  it("reads a participle after the main clause's object as the subject's", () => {
    expect(
      triple("Helen Brisco, the MP for Wexbridge, has written to the education secretary asking for an urgent review."),
    ).toEqual([["Helen Brisco", "asking for", "an urgent review"]]);
    expect(
      suggest("He was sentenced to eight years, with the judge calling his conduct a betrayal.").map((s) => s.mention),
    ).toEqual(["the judge"]);
  });

  it("joins a verb after a quoted fragment to the clause's own subject", () => {
    expect(
      suggest(
        'Rep. Julie Nakamura said she was "disappointed but not surprised" and expected the measure to pass.',
      ).find((s) => s.cue === "expected")?.mention,
    ).toBe("she");
  });
});
