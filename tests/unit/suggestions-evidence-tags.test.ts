import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("evidence verbs the tagger reads as nouns", () => {
  it("takes a verb in -s after a compound singular subject", () => {
    expect(triple("The Congressional Budget Office estimates the plan will cost $230 billion.")).toEqual([
      ["The Congressional Budget Office", "estimates", "the plan will cost $230 billion"],
    ]);
    expect(triple("The UN refugee agency estimates about 180,000 people have been displaced.")).toEqual([
      ["The UN refugee agency", "estimates", "about 180,000 people have been displaced"],
    ]);
  });

  it("takes a base verb after a plural head and its modifier", () => {
    expect(triple("Data from the monitoring mission show at least 140 violations were recorded.")).toEqual([
      ["Data from the monitoring mission", "show", "at least 140 violations were recorded"],
    ]);
    expect(triple("Court papers obtained by The Scoop show Gallo spent $400,000 on a yacht.")[0]).toEqual([
      "Court papers obtained by The Scoop",
      "show",
      "Gallo spent $400,000 on a yacht",
    ]);
    // A noun after the modifier's determiner stays a noun: "the state Department".
    expect(
      triple("Data from the state Department of Insurance show insurers declined to renew 2,800 policies."),
    ).toEqual([["Data from the state Department of Insurance", "show", "insurers declined to renew 2,800 policies"]]);
  });

  it("takes a source set off after its content", () => {
    expect(triple("The median borrower owes about $20,000, department data show, but many owe more.")).toEqual([
      ["department data", "show", "The median borrower owes about $20,000"],
    ]);
  });

  it("reads instruments and inspectors as evidence, and ends at a contrast the writer adds", () => {
    expect(triple("Satellite images from NASA show a smoke plume stretching south.")).toEqual([
      ["Satellite images from NASA", "show", "a smoke plume stretching south"],
    ]);
    expect(
      triple("It failed after inspectors found pupils were leaving early while the trust paid its chief more."),
    ).toEqual([["inspectors", "found", "pupils were leaving early"]]);
  });
});

describe("evidence opening on a quantity", () => {
  it.each([
    ["Satellite images show at least 11 tankers loading at the port.", "at least 11 tankers loading at the port"],
    [
      "The survey shows roughly a third of voters naming schools as the top issue.",
      "roughly a third of voters naming schools as the top issue",
    ],
  ])("%s", (text, content) => {
    expect(suggest(text)[0]?.content).toBe(content);
  });

  it("reads 'data show' before a word the tagger took for a verb", () => {
    expect(triple("Lodestar's tracking data show worry about housing climbing in every region.")).toEqual([
      ["Lodestar's tracking data", "show", "worry about housing climbing in every region"],
    ]);
  });
});
