import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("according to and per", () => {
  it("ends a trailing source at a comma before a new clause or a relative", () => {
    expect(
      triple(
        "Enrollment has fallen by 2,300 since 2015, according to state data, and a consultant's report found that half the rooms are empty.",
      ),
    ).toEqual([
      ["state data", "according to", "Enrollment has fallen by 2,300 since 2015"],
      ["a consultant's report", "found", "half the rooms are empty"],
    ]);
  });

  it("leaves a trailing relative clause out of the mention and a connective out of the content", () => {
    expect(
      triple("Teens sleep an hour less, according to a large study published Monday that adds to concern."),
    ).toEqual([["a large study published Monday", "according to", "Teens sleep an hour less"]]);
    expect(triple("But other companies still store such data, according to a brief filed by the project.")).toEqual([
      ["a brief filed by the project", "according to", "other companies still store such data"],
    ]);
  });

  it("reads per as according to", () => {
    expect(triple("More than 20 states have passed AI laws this year, per a tally by the conference.")).toEqual([
      ["a tally by the conference", "per", "More than 20 states have passed AI laws this year"],
    ]);
  });

  it("keeps a source set off inside its content", () => {
    expect(suggest("Exports, according to the agency, grew for a third month.")[0].parts).toEqual([
      "Exports",
      "grew for a third month",
    ]);
  });
});

describe("subjects and hearers", () => {
  it("takes a name's of-phrases into a participle's subject", () => {
    expect(
      suggest(
        "The Arizona Association of Chiefs of Police opposed the bill, saying its officers lacked the training.",
      ).map((s) => [s.mention, s.cue]),
    ).toEqual([
      ["The Arizona Association of Chiefs of Police", "opposed"],
      ["The Arizona Association of Chiefs of Police", "saying"],
    ]);
  });

  it("reads a verb in -s after a possessive and a noun", () => {
    expect(
      suggest("Fisk agreed that a trial was needed and said her team plans to begin one.").map((s) => s.cue),
    ).toEqual(["agreed", "said", "plans"]);
  });

  it("takes a question after its hearer", () => {
    expect(
      triple("Chief Justice Harold Whitman asked a lawyer for the government whether there was any limit."),
    ).toEqual([["Chief Justice Harold Whitman", "asked", "whether there was any limit"]]);
  });
});
