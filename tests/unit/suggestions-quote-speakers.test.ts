import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("speakers of direct quotes", () => {
  it("reads names with letters beyond Latin-1 as one word", () => {
    expect(triple("«This was not an election,» Nadia Ilić told a crowd outside parliament.")).toEqual([
      ["Nadia Ilić", "told", "This was not an election,"],
    ]);
    expect(triple("Łukasz Dvořák said the plan had failed.")).toEqual([
      ["Łukasz Dvořák", "said", "the plan had failed"],
    ]);
  });

  it("takes a manner verb followed by an adverb, and a partitive speaker", () => {
    expect(triple("“He touched me first,” Kane fumed afterwards.")).toEqual([
      ["Kane", "fumed", "He touched me first,"],
    ]);
    expect(triple('"There is a deal to be had," one of the aides said.')).toEqual([
      ["one of the aides", "said", "There is a deal to be had,"],
    ]);
  });

  it("joins a question or exclamation to the attribution the sentence splitter cut off", () => {
    expect(triple("“You signed off on these, didn’t you?” Marrone demanded.")).toEqual([
      ["Marrone", "demanded", "You signed off on these, didn’t you?"],
    ]);
    expect(suggest("“Why?” That is the question nobody answers.")).toEqual([]);
  });
});
