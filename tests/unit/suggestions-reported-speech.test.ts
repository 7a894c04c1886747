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

describe("reported speech: weak verbs without 'that'", () => {
  it("reads a clause after 'added' or 'noted' when its subject plainly opens one", () => {
    expect(triple("He added the pumps were running again by noon.")).toEqual([
      ["He", "added", "the pumps were running again by noon"],
    ]);
    expect(triple("The treasurer noted her office had flagged the gap in May.")).toEqual([
      ["The treasurer", "noted", "her office had flagged the gap in May"],
    ]);
  });

  it("takes no object of adding or noting for content", () => {
    expect(triple("The bakery added 40 seasonal workers last month.")).toEqual([]);
    expect(triple("The clerk noted the totals in the ledger.")).toEqual([]);
  });
});

describe("reported speech: tagger repairs", () => {
  it("reads a word after an article as a noun, so the clause it opens is found", () => {
    expect(triple("The inspector conceded a seep in the dam was likely.")).toEqual([
      ["The inspector", "conceded", "a seep in the dam was likely"],
    ]);
  });
});

describe("reported speech: names set off by commas", () => {
  it("keeps the name before an appositive naming a firm with an ampersand", () => {
    expect(triple("Nadia Brenn, a partner at Colt & Mayhew, said the deal would close in June.")).toEqual([
      ["Nadia Brenn", "said", "the deal would close in June"],
    ]);
  });

  it("takes the name between commas without the place it comes from", () => {
    expect(
      triple("The panel met, and its vice chair, Sen. Orla Whitcombe of Vermont, said the vote would slip."),
    ).toEqual([["Sen. Orla Whitcombe", "said", "the vote would slip"]]);
    expect(triple("Rep. Hal Dorsey, Republican of Idaho, said the bill was dead.")).toEqual([
      ["Rep. Hal Dorsey", "said", "the bill was dead"],
    ]);
  });
});

describe("reported speech: more tagger repairs", () => {
  it("reads a compass word after an article as a noun inside the source", () => {
    expect(triple("Growers in the north say they have lost half the harvest.")).toEqual([
      ["Growers in the north", "say", "they have lost half the harvest"],
    ]);
  });

  it("reads a singular subject's verb in -s before the particle of a multiword cue", () => {
    expect(triple("The agency points to a sharp rise in claims.").map((t) => t.slice(0, 2))).toEqual([
      ["The agency", "points to"],
    ]);
  });
});

describe("reported speech: rulings, refusals and titled names", () => {
  it("reads a court's ruling with a clause as a report, and a participle 'ruling' ends the object before it", () => {
    expect(triple("The tribunal ruled that the dismissals were unfair.")).toEqual([
      ["The tribunal", "ruled", "the dismissals were unfair"],
    ]);
    expect(triple("A magistrate rejected the appeal, ruling that the fees were lawful.")).toEqual([
      ["A magistrate", "rejected", "the appeal"],
      ["A magistrate", "ruling", "the fees were lawful"],
    ]);
  });

  it("takes no noun 'rules' for a cue", () => {
    expect(triple("Changes to Senate rules that would speed up votes passed on Monday.")).toEqual([]);
  });

  it("reads 'ruled out' with a gerund as its content", () => {
    expect(triple("The chancellor has ruled out raising fuel duty.")).toEqual([
      ["The chancellor", "has ruled out", "raising fuel duty"],
    ]);
  });

  it("leaves the court or state after a titled name out of the mention", () => {
    expect(triple("Judge Nora Vance of the county court said the jury would be sequestered.")).toEqual([
      ["Judge Nora Vance", "said", "the jury would be sequestered"],
    ]);
    expect(triple("Secretary of State Ivo Lind said the embassy would stay open.")).toEqual([
      ["Secretary of State Ivo Lind", "said", "the embassy would stay open"],
    ]);
  });
});

describe("reported speech: relative clauses without a pronoun", () => {
  it("finds the source after the described noun when a speech verb comes right before a finite verb", () => {
    expect(triple("The county sold the hospital, a deal union leaders say will cost 300 jobs.")).toEqual([
      ["union leaders", "say", "a deal union leaders say will cost 300 jobs"],
    ]);
    expect(triple("The airline posted a loss analysts say was worse than feared.")).toEqual([
      ["analysts", "say", "a loss analysts say was worse than feared"],
    ]);
  });

  it("takes the described noun as the first part of what 'call' names it", () => {
    expect(suggest("The board approved a levy critics call a tax on renters.")[0]).toMatchObject({
      mention: "critics",
      cue: "call",
      parts: ["a levy", "a tax on renters"],
    });
  });

  it("keeps a possessive's noun before a modal a noun", () => {
    expect(triple("He says their plan would sink the budget.")).toEqual([
      ["He", "says", "their plan would sink the budget"],
    ]);
  });
});

describe("reported speech: a verb coordinated inside the content", () => {
  it("gives a present-tense verb after a past report the content's subject when the content is in the present", () => {
    expect(
      triple("A spokesman told reporters that the mayor “has reservations” about the plan and expects revisions soon."),
    ).toContainEqual(["the mayor", "expects", "revisions soon"]);
  });
});

describe("sentences ending at a clock time", () => {
  it("starts a new sentence after 'p.m.' when a function word or a second clause follows", () => {
    expect(
      triple("Polls closed at 8 p.m. Election officials said the count would run past midnight.").map((t) => t[0]),
    ).toEqual(["Election officials"]);
    expect(
      suggest("The tally was posted at 9:15 p.m. By then, the union said, most members had voted.")[0].parts,
    ).toEqual(["By then", "most members had voted"]);
  });

  it("keeps 'p.m.' inside the sentence before a day or a time zone", () => {
    expect(triple("The mayor said the curfew starts at 10 p.m. Eastern time.")).toEqual([
      ["The mayor", "said", "the curfew starts at 10 p.m. Eastern time"],
    ]);
  });
});

describe("reported speech: a gerund the tagger read as a noun", () => {
  it("takes 'reported feeling …' with its gerund as content, but no plain noun object", () => {
    expect(triple("Many of the drivers reported feeling drowsy at the wheel.")).toEqual([
      ["Many of the drivers", "reported", "feeling drowsy at the wheel"],
    ]);
    expect(triple("The retailer reported record earnings.")).toEqual([]);
  });
});

describe("reported speech: the reported clause's verb read as a noun", () => {
  it("reads a verb agreeing with the clause's subject, with no other verb after it", () => {
    expect(triple("The group says its protests work only sometimes.")).toEqual([
      ["The group", "says", "its protests work only sometimes"],
    ]);
    expect(triple("She said the plan costs too much.")).toEqual([["She", "said", "the plan costs too much"]]);
  });
});
