import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("stance, demand and estimate frames", () => {
  it.each([
    ["Business groups also urged a veto.", "Business groups", "also urged", "a veto"],
    ["Prosecutors had sought a sentence of 10 years.", "Prosecutors", "had sought", "a sentence of 10 years"],
    [
      "Defense attorneys had asked for a sentence of three years.",
      "Defense attorneys",
      "had asked for",
      "a sentence of three years",
    ],
    ["Industry groups cheered the draft.", "Industry groups", "cheered", "the draft"],
    [
      "Supporters of the measure point to a surge in crossings.",
      "Supporters of the measure",
      "point to",
      "a surge in crossings",
    ],
    ["Hospital groups have lobbied hard against the cuts.", "Hospital groups", "have lobbied hard against", "the cuts"],
    ["Almost all opposed the closures.", "Almost all", "opposed", "the closures"],
  ])("%s", (text, mention, cue, content) => {
    expect(triple(text)).toEqual([[mention, cue, content]]);
  });

  it("takes a gerund after denial and admission verbs", () => {
    expect(triple("Vale, 27, has denied knowingly taking the drug.")).toEqual([
      ["Vale", "has denied", "knowingly taking the drug"],
    ]);
  });

  it("takes an estimate with its value, and nothing for other senses of put", () => {
    expect(triple("The Interior Ministry put the number at 18,000.")).toEqual([
      ["The Interior Ministry", "put", "the number at 18,000"],
    ]);
    expect(suggest("He put pressure on the board at the meeting.")).toEqual([]);
  });

  it("reads no duration as a particle and no question as a report", () => {
    expect(suggest("It is a measure she has pushed unsuccessfully for three years.").map((s) => s.cue)).not.toContain(
      "has pushed unsuccessfully for",
    );
    expect(suggest("The office did not say whether the governor would campaign against the measure.")).toEqual([]);
  });
});

describe("headlines", () => {
  it("reads a capitalised headline verb as the cue", () => {
    const text = "Contractor Knew Bridge Welds Were Faulty, Former Engineer Testifies\n\nBALTIMORE — A trial opened.";
    expect(triple(text)).toEqual([["Former Engineer", "Testifies", "Contractor Knew Bridge Welds Were Faulty"]]);
    expect(
      triple("House Republicans Want a New Speaker. They Can’t Agree on Who.\n\nWASHINGTON — Talks went on."),
    ).toEqual([["House Republicans", "Want", "a New Speaker"]]);
  });

  it("ends an object before a clause joined by as, while or because", () => {
    expect(
      triple("The opposition rejected the election result as thousands of people marched in the capital.")[0],
    ).toEqual(["The opposition", "rejected", "the election result"]);
  });
});

describe("raising verbs", () => {
  it("joins appear/seem to the cue group", () => {
    expect(triple("Investors appeared to doubt the deal would survive.")).toEqual([
      ["Investors", "appeared to doubt", "the deal would survive"],
    ]);
    expect(triple("Replays appeared to show minimal contact between the players.")).toEqual([
      ["Replays", "appeared to show", "minimal contact between the players"],
    ]);
  });
});

describe("hostility, resistance and forecasts with a plain object", () => {
  it.each([
    [
      "Pop superstar Kaia Montrose has torn into Vipers forward Dez Harmon.",
      "has torn into",
      "Vipers forward Dez Harmon",
    ],
    ["Delivery workers tore into the mayor's plan.", "tore into", "the mayor's plan"],
    ["Coach Lenny Marchetti played down the row.", "played down", "the row"],
    [
      "The Treasury Department has resisted any step that would undercut the regime.",
      "has resisted",
      "any step that would undercut the regime",
    ],
    ["Ochs predicted victory.", "predicted", "victory"],
  ])("%s", (text, cue, content) => {
    expect(triple(text).map(([, c, x]) => [c, x])).toEqual([[cue, content]]);
  });
});

describe("objects read from amounts and from a possessive's noun", () => {
  it("takes an amount as the object of an expectation", () => {
    expect(triple("Analysts had expected $2.3 billion.")).toEqual([["Analysts", "had expected", "$2.3 billion"]]);
  });

  it("reads a plan after a possessive's noun the tagger took for a verb", () => {
    expect(triple("His campaign plans to spend $12 million on television.")).toEqual([
      ["His campaign", "plans", "to spend $12 million on television"],
    ]);
  });
});

describe("reports of experience with a gerund", () => {
  it("takes the gerund after 'reported' as the content", () => {
    expect(triple("Americans reported losing $5.6 billion to crypto fraud.")).toEqual([
      ["Americans", "reported", "losing $5.6 billion to crypto fraud"],
    ]);
  });
});

describe("answers named in a poll", () => {
  it("takes a thing named as an answer, up to the writer's comparison", () => {
    expect(triple("41% of registered voters named housing costs as their top economic concern.")).toEqual([
      ["41% of registered voters", "named", "housing costs as their top economic concern"],
    ]);
    expect(triple("31% of likely voters named abortion as the top issue, ahead of inflation (27%).")[0]?.[2]).toBe(
      "abortion as the top issue",
    );
  });

  it("does not read naming a person or a thing's name as a report", () => {
    expect(triple("The company named Jane Doe as chief executive.")).toEqual([]);
    expect(triple("He bought a 62-foot yacht he named “Brandi’s Dream.”")).toEqual([]);
  });
});

describe("disclosure verbs after an intention", () => {
  it("keeps an offer to release something as content, but not a refusal to", () => {
    expect(triple("The Varneshi side had offered to release two of the four Americans.")).toEqual([
      ["The Varneshi side", "had offered", "to release two of the four Americans"],
    ]);
    expect(triple("The company declined to release the files.")).toEqual([]);
    expect(triple("Police refused to identify the victim.")).toEqual([]);
  });
});

describe("requests of someone for something", () => {
  it("takes the hearer and the thing requested, not a causative's possibility", () => {
    expect(triple("Bell has asked the White House for an emergency declaration.")).toEqual([
      ["Bell", "has asked", "the White House for an emergency declaration"],
    ]);
    expect(triple("The company is pressing the administration for relief on parts.")[0]?.[2]).toBe(
      "the administration for relief on parts",
    );
    expect(triple("Warrants let investigators ask a tech company for data on every phone.")).toEqual([]);
  });
});
