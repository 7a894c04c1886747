import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("reported speech: the subject of the reported clause", () => {
  it("takes a quantity heading an of-phrase as the content's subject", () => {
    expect(triple("Marta Quell said many of the tenants had stopped paying rent.")).toEqual([
      ["Marta Quell", "said", "many of the tenants had stopped paying rent"],
    ]);
    expect(triple("The coroner said some of the victims were never identified.")).toEqual([
      ["The coroner", "said", "some of the victims were never identified"],
    ]);
    expect(triple("Inspectors said nearly half of the bridges needed repairs.")).toEqual([
      ["Inspectors", "said", "nearly half of the bridges needed repairs"],
    ]);
  });

  it("takes a quantity of-phrase as the source", () => {
    expect(triple("Several of the nurses said they had not been paid overtime.")).toEqual([
      ["Several of the nurses", "said", "they had not been paid overtime"],
    ]);
  });
});
