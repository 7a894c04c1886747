import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

describe("cue verbs and phrases", () => {
  it.each([
    ["The minister said the plan was dead.", "said"],
    ["The minister says the plan is dead.", "says"],
    ["The minister has said the plan is dead.", "has said"],
    ["The minister will tell parliament that the plan is dead.", "will tell"],
    ["The army confirmed that two soldiers were wounded.", "confirmed"],
    ["The mayor explained that the road would reopen in May.", "explained"],
    ["Officials believed that the talks would fail.", "believed"],
    ["Local media reported that the border was closed.", "reported"],
    ["The union has consistently stressed that it opposes the merger.", "has consistently stressed"],
    ["Four officials have made it clear that the deal is off.", "have made it clear"],
    ["Aides hinted in private talks that a compromise was near.", "hinted in private talks"],
    ["The spokesman later clarified that the figures were provisional.", "later clarified"],
    ["The company said in a statement that profits fell.", "said in a statement"],
    ["Two lawmakers said privately that the leader was isolated.", "said privately"],
  ])("%s → cue %s", (text, cue) => {
    const [s] = suggest(text);
    expect(s.cue).toBe(cue);
    expect(s.mode).toBe("paraphrase");
  });

  it("reads 'informed' as a cue only when it is a verb", () => {
    expect(suggest("Senior officials have informed their counterparts that the plan changed.")[0].cue).toBe(
      "have informed",
    );
    const [s] = suggest("Informed sources reported that the plan changed.");
    expect(s.mention).toBe("Informed sources");
    expect(s.cue).toBe("reported");
  });

  it("skips the recipient of told/informed to reach the content", () => {
    expect(suggest("The official told colleagues he was prepared to resign.")[0].content).toBe(
      "he was prepared to resign",
    );
    expect(suggest("The official told reporters that the vote was delayed.")[0].content).toBe("the vote was delayed");
  });

  it("takes 'according to' before or after the content", () => {
    const [a] = suggest("According to the ministry, 40 people were killed.");
    expect([a.mention, a.cue, a.content]).toEqual(["the ministry", "According to", "40 people were killed"]);
    const [b] = suggest("Forty people were killed, according to the ministry.");
    expect([b.mention, b.cue, b.content]).toEqual(["the ministry", "according to", "Forty people were killed"]);
  });

  it("takes the whole noun phrase after 'according to' as the mention (guideline §3)", () => {
    const [s] = suggest("According to data published by the statistics office on Monday, prices rose 3%.");
    expect([s.mention, s.content, s.source.type]).toEqual([
      "data published by the statistics office on Monday",
      "prices rose 3%",
      "document",
    ]);
  });

  it("handles content before the cue", () => {
    const [s] = suggest("The talks have stalled over the budget, the people said.");
    expect([s.mention, s.cue, s.content]).toEqual(["the people", "said", "The talks have stalled over the budget"]);
  });

  it("handles inverted order after a quote", () => {
    const [s] = suggest('"We will not back down," said Maria Lopez, the union leader.');
    expect([s.mention, s.cue, s.content]).toEqual(["Maria Lopez", "said", "We will not back down,"]);
  });

  it("ignores negated, passive and non-reporting uses", () => {
    expect(suggest("The report does not say how the money was spent.")).toEqual([]);
    expect(suggest("He is believed to have fled the country.")).toEqual([]);
    expect(suggest("All told, the repair replaced 96 cables.")).toEqual([]);
    expect(suggest("The crew added 96 new cables to the bridge.")).toEqual([]);
    expect(suggest("A government spokesperson declined to comment.")).toEqual([]);
  });

  it("does not read cue words inside names or as nouns", () => {
    const [s] = suggest("The United States stressed that it opposes the plan.");
    expect(s.mention).toBe("The United States");
    expect(suggest("He later clarified that these reports are just rumours.")).toHaveLength(1);
  });

  it("accepts participle cues hanging off the main clause", () => {
    const out = suggest("The ministry welcomed the decision, saying that stable rates would help.");
    expect(out.map((s) => [s.mention, s.cue, s.content])).toEqual([
      ["The ministry", "welcomed", "the decision"],
      ["The ministry", "saying", "stable rates would help"],
    ]);
  });

  it("accepts 'put it' only before a quotation", () => {
    const [s] = suggest("Lead author Mira Castell put it plainly: “People were less exhausted.”");
    expect([s.mention, s.cue, s.content, s.mode]).toEqual([
      "Lead author Mira Castell",
      "put it plainly",
      "People were less exhausted.",
      "direct_quote",
    ]);
    expect(suggest("She put it on the table before the meeting began.")).toEqual([]);
  });
});
