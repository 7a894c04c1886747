import { describe, expect, it } from "vitest";
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import { sourceUniqueKey } from "@/lib/sources/source-key";

describe("normalizeSourceName", () => {
  it.each([
    ["Politico", "politico"],
    ["  The   Politico ", "politico"],
    ["the POLITICO", "politico"],
    ['"Politico"', "politico"],
    ["“Politico”", "politico"],
    ["The\tNew\nYork  Times", "new york times"],
    ["Theodore Roosevelt", "theodore roosevelt"],
    ["ＰＯＬＩＴＩＣＯ", "politico"],
    ["وزارة الخارجية", "وزارة الخارجية"],
    ["Ministry\u200b of Health", "ministry of health"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSourceName(input)).toBe(expected);
  });
});

describe("sourceUniqueKey", () => {
  it("binds named sources per type and never anonymous ones", () => {
    expect(sourceUniqueKey("media_outlet", "The Politico")).toBe("media_outlet:politico");
    expect(sourceUniqueKey("person", "Jake Sullivan")).not.toBe(sourceUniqueKey("organization", "Jake Sullivan"));
    expect(sourceUniqueKey("anonymous_group", "four US officials")).toBeNull();
    expect(sourceUniqueKey("anonymous_individual", "an official")).toBeNull();
  });
});
