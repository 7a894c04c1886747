import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("content before the cue, with what may follow the source", () => {
  it("takes a trailing adjunct of how, where or why it was said", () => {
    expect(triple("The fire has burned 28,000 acres, Cal Fire said in its evening update.")).toEqual([
      ["Cal Fire", "said", "The fire has burned 28,000 acres"],
    ]);
    expect(
      triple(
        "The talks will resume next week, an official said on condition of anonymity because he was not authorized.",
      ),
    ).toEqual([["an official", "said", "The talks will resume next week"]]);
  });

  it("takes a closing description of the source or the result", () => {
    expect(
      triple("Families had been bracing for the law, said Daniela Moreno, 44, a mother who has lived here."),
    ).toEqual([["Daniela Moreno", "said", "Families had been bracing for the law"]]);
    expect(
      triple("The ruling party won 51.8 percent of the vote, the commission announced, enough for a majority."),
    ).toEqual([["the commission", "announced", "The ruling party won 51.8 percent of the vote"]]);
  });

  it("keeps a clause after the source as the second part of interrupted content", () => {
    expect(
      suggest("For the first 12 months, the department says, borrowers who miss payments will not be reported.")[0]
        .parts,
    ).toEqual(["For the first 12 months", "borrowers who miss payments will not be reported"]);
  });

  it("gives no backward content to a relative pronoun", () => {
    expect(
      suggest("Exports fell, according to three officials, who spoke on condition of anonymity.").map((s) => s.cue),
    ).toEqual(["according to"]);
  });
});

describe("subjects and ends of forward content", () => {
  it("reaches the verb of a content subject with a modifier", () => {
    expect(suggest("The department says the deal between SkyWay and Pacific Crest would raise fares.")[0].content).toBe(
      "the deal between SkyWay and Pacific Crest would raise fares",
    );
  });

  it("names the person between commas after a role, for a participle cue", () => {
    expect(
      suggest("His lawyer, Vince Marrone, tore into Kovacs, suggesting she had approved the payments.").map((s) => [
        s.mention,
        s.cue,
      ]),
    ).toEqual([
      ["Vince Marrone", "tore into"],
      ["Vince Marrone", "suggesting"],
    ]);
  });

  it("ends content at a dash before an adverbial, not before a figure", () => {
    expect(suggest("A source said Hale had the backing of the board — despite rumours he could go.")[0].content).toBe(
      "Hale had the backing of the board",
    );
    expect(suggest("Lee said crashes rose last year — double the number in 2021.")[0].content).toBe(
      "crashes rose last year — double the number in 2021",
    );
  });
});

describe("sources after the content and participles after a connective", () => {
  it("reads no object of the content as a role before the name", () => {
    expect(
      triple("The bill would have turned police into agents, Alvarez, a Democrat, wrote in his veto letter.")[0].slice(
        0,
        2,
      ),
    ).toEqual(["Alvarez", "wrote in his veto letter"]);
  });

  it("finds a participle's subject after an opening conjunction", () => {
    expect(
      suggest("But Justice Paul Kendrick appeared skeptical of the challenge, noting that the man had shared it.").map(
        (s) => [s.mention, s.cue],
      ),
    ).toEqual([
      ["Justice Paul Kendrick", "appeared skeptical of"],
      ["Justice Paul Kendrick", "noting"],
    ]);
  });
});

describe("relative clauses", () => {
  it("ends a relative's report where the main clause resumes", () => {
    expect(
      triple(
        "Gary Theriault, a former engineer who said he had worked on the program, told the crowd that managers knew.",
      ),
    ).toEqual([
      ["who", "said", "he had worked on the program"],
      ["Gary Theriault", "told", "managers knew"],
    ]);
  });
});
