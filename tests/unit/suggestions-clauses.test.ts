import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("bare content clauses with present-tense or base verbs", () => {
  it.each([
    ["The minister said the engine works.", "The minister"],
    ["Lovelace said the engine works.", "Lovelace"],
    ["Yesterday, Ada Lovelace said the engine works.", "Ada Lovelace"],
    ["Ada Lovelace, the inventor, said the engine works.", "Ada Lovelace"],
    ["Ada Lovelace told reporters the engine works.", "Ada Lovelace"],
  ])("%s", (text, mention) => {
    expect(triple(text)).toEqual([[mention, expect.stringMatching(/^(said|told)$/), "the engine works"]]);
  });

  it("takes a base verb after a plural or collective subject, before or after the cue", () => {
    // The staff's wish nests inside her report (guideline §7), and ends where her cue begins.
    expect(triple("The club’s medical staff want to manage his minutes carefully, she said.")).toEqual([
      ["she", "said", "The club’s medical staff want to manage his minutes carefully"],
      ["The club’s medical staff", "want", "to manage his minutes carefully"],
    ]);
    expect(triple("Reyes said the team plays with more confidence now.")[0][2]).toBe(
      "the team plays with more confidence now",
    );
  });

  it("reaches a named subject after a recipient, but not a name that is the recipient", () => {
    expect(triple("Dunmore told reporters Okonkwo would not start every game.")[0][2]).toBe(
      "Okonkwo would not start every game",
    );
    expect(triple("The mayor told Prime Minister Ed Lane the bridge was unsafe.")[0][2]).toBe("the bridge was unsafe");
  });

  it("does not take a noun phrase or adjunct for a clause", () => {
    expect(suggest("The spokesman said a prayer for the victims.")).toEqual([]);
    expect(suggest("Ostrava insists on a staged release tied to the withdrawal.")).toEqual([]);
    expect(
      suggest("The company now expects revenue of 4.1 billion, down from the 4.6 billion it forecast in May.").map(
        (s) => s.content,
      ),
    ).not.toContain("in May");
  });

  it("skips a dated adjunct between the cue and its clause", () => {
    expect(triple("The bank said on March 3 the rate would stay.")[0][2]).toBe("the rate would stay");
    expect(triple("The bank said in May the plant would close.")[0][2]).toBe("the plant would close");
  });

  it("reads 'than … expected' and 'as expected' as comparisons, not cues", () => {
    const out = suggest("Feld said the cut was larger than the market had expected and raised questions.");
    expect(out).toHaveLength(1);
    expect(out[0].mention).toBe("Feld");
    expect(suggest("Prices rose, as expected.")).toEqual([]);
  });

  it("keeps content before a cue followed by a participle or relative clause", () => {
    expect(
      triple(
        "The talks have stalled, the diplomats said, speaking on condition of anonymity because the talks are confidential.",
      ),
    ).toEqual([["the diplomats", "said", "The talks have stalled"]]);
    expect(triple("Convoys were turned back, said Marta Greve, who heads the delegation.")[0][2]).toBe(
      "Convoys were turned back",
    );
  });
});

describe("cue groups", () => {
  it("takes 'was quoted as saying' as one cue, with an appositive before it", () => {
    expect(triple("Former striker Gary Pike, now a pundit, was quoted as saying the club rushed him back.")).toEqual([
      ["Former striker Gary Pike", "was quoted as saying", "the club rushed him back"],
    ]);
  });

  it("joins 'on a call' and 'at a news conference' to the cue, but not any 'on' phrase", () => {
    expect(suggest("“Our book is strong,” she said on a call with analysts.")[0].cue).toBe("said on a call");
    expect(suggest("The mayor said at a news conference that the bridge would reopen.")[0].cue).toBe(
      "said at a news conference",
    );
    expect(suggest("The mayor said on Tuesday that the bridge would reopen.")[0].cue).toBe("said");
  });

  it("keeps 'now' inside the verb group, out of the mention", () => {
    const [s] = suggest("The company now expects that revenue will fall.");
    expect([s.mention, s.cue]).toEqual(["The company", "now expects"]);
  });
});
