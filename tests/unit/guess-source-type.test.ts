import { describe, expect, it } from "vitest";
import { guessSource } from "@/lib/sources/guess-source-type";

describe("guessSource", () => {
  it.each([
    ["Four US officials", "anonymous_group", 4],
    ["senior administration officials", "anonymous_group", null],
    ["informed sources", "anonymous_group", null],
    ["12 diplomats", "anonymous_group", 12],
    ["a third Israeli official", "anonymous_individual", 1],
    ["an official", "anonymous_individual", 1],
    ["Politico", "media_outlet", null],
    ["the newspaper Haaretz", "media_outlet", null],
    ["a UN report", "document", null],
    ["the United States", "organization", null],
    ["Israeli army", "organization", null],
    ["Jake Sullivan", "person", null],
    // Words the suggestion engine knows, read from its lexicon.
    ["The Associated Press", "media_outlet", null],
    ["a court filing", "document", null],
    ["two senior diplomats", "anonymous_group", 2],
    ["the Finance Ministry", "organization", null],
    ["a second witness", "anonymous_individual", 1],
  ])("%s → %s", (descriptor, type, count) => {
    expect(guessSource(descriptor)).toEqual({ type, count });
  });
});
