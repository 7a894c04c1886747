import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("subjects that open a reported clause or a source", () => {
  it("takes an indefinite pronoun as the content's subject", () => {
    expect(triple("Ms. Okonkwo said no one in the administration had told her the details.")).toEqual([
      ["Ms. Okonkwo", "said", "no one in the administration had told her the details"],
    ]);
    expect(triple("The mayor said nobody had warned the city.")).toEqual([
      ["The mayor", "said", "nobody had warned the city"],
    ]);
  });

  it("keeps a title's postposed head in the source: attorneys general, inspector general", () => {
    expect(triple("A group of 11 state attorneys general argued that states should be free to act.")).toEqual([
      ["A group of 11 state attorneys general", "argued", "states should be free to act"],
    ]);
    expect(triple("The inspector general said the agency had lost track of the funds.")[0]?.[0]).toBe(
      "The inspector general",
    );
  });

  it("reaches the content past a recipient's place: told supporters in Colorado Springs he was …", () => {
    expect(triple("Kemp told supporters in Colorado Springs he was feeling good about the math.")).toEqual([
      ["Kemp", "told", "he was feeling good about the math"],
    ]);
    expect(triple("She told reporters at the airport the deal was done.")[0]?.[2]).toBe("the deal was done");
  });

  it("takes a listed subject as the start of a reported clause, not two clauses joined by ', and'", () => {
    expect(
      triple("The memo says prisons, the Highway Patrol and child protective services would keep operating."),
    ).toEqual([["The memo", "says", "prisons, the Highway Patrol and child protective services would keep operating"]]);
    expect(
      triple("Nimbus reported record revenue of $4.2 billion, and investors have pushed it to cut costs."),
    ).toEqual([]);
  });

  it("reads a name's noun modifier before a title as part of the source: Kemp campaign manager Ellie Brandauer", () => {
    expect(triple('"We will wait for every vote," said Kemp campaign manager Ellie Brandauer.')[0]?.[0]).toBe(
      "Kemp campaign manager Ellie Brandauer",
    );
    expect(triple("Trump campaign spokesman Steven Cheung said the poll was fake.")[0]?.[0]).toBe(
      "Trump campaign spokesman Steven Cheung",
    );
  });

  it("does not take an opening place adjunct for the source before a name and its appositive (the state after a titled name is no part of it)", () => {
    expect(
      triple(
        "On Capitol Hill, Senator Dwight Kessel of Kansas, the top Republican on the committee, denounced the idea.",
      ),
    ).toEqual([["Senator Dwight Kessel", "denounced", "the idea"]]);
  });

  it("keeps a closing participle phrase in an inverted source: said one fan sitting two rows back", () => {
    expect(triple('"It got ugly fast," said one fan sitting two rows back.')).toEqual([
      ["one fan sitting two rows back", "said", "It got ugly fast,"],
    ]);
    expect(triple('"It got ugly," said one fan, laughing.')[0]?.[0]).toBe("one fan");
  });
});
