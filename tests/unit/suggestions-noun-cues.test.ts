import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);

describe("noun cues", () => {
  it("reads 'In his view, …' and resolves the possessive like its pronoun", () => {
    const out = suggest("Gary Pike said the club erred. In his view, the striker needs another month.");
    // Guideline §2: a noun cue is the noun alone.
    expect([out[1].mention, out[1].cue, out[1].content]).toEqual(["his", "view", "the striker needs another month"]);
    expect(out[1].source.name).toBe("Gary Pike");
  });

  it("reads 'In Pike's opinion' and 'In the words of X'", () => {
    expect(suggest("In Pike's opinion, the striker needs another month.")[0].source.name).toBe("Pike");
    expect(triple("In the words of one engineer, the machine is a marvel.")).toEqual([
      ["one engineer", "words", "the machine is a marvel"],
    ]);
    expect(suggest("In the past, the engine works.")).toEqual([]);
  });

  it("takes a possessor's claim noun in object position, not a bare 'the claim that'", () => {
    // "rejected" is a stance cue of its own; the possessor names the claim's source without its 's.
    expect(triple("Critics rejected Babbage's claim that the engine works.")).toEqual([
      ["Critics", "rejected", "Babbage's claim that the engine works"],
      ["Babbage", "claim", "the engine works"],
    ]);
    expect(triple("Critics doubted the claim that the engine works.").map((t) => t[1])).not.toContain("claim");
    expect(suggest("His claim that the engine works was rejected.")).toEqual([]);
  });
});

describe("relative clauses", () => {
  it("gives a claim in a non-restrictive relative clause to its antecedent, ending at the clause", () => {
    // Guideline §3: the relative pronoun is the mention; the source is its antecedent.
    const [firm] = suggest("The firm, which said the engine works, will expand.");
    expect([firm.mention, firm.cue, firm.content, firm.source.name]).toEqual([
      "which",
      "said",
      "the engine works",
      "firm",
    ]);
    expect(triple("Lovelace praised the firm, which said the engine works.")).toEqual([
      ["Lovelace", "praised", "the firm"],
      ["which", "said", "the engine works"],
    ]);
  });

  it("never reads content before the antecedent of a relative cue", () => {
    const out = suggest(
      "“Customers will pay,” said Omar Reyes, director of the association, who called for a price cap.",
    );
    // "who called for a price cap" is Reyes's stance, a claim of its own; nothing reads content before him.
    expect(out.map((s) => [s.mention, s.cue, s.content])).toEqual([
      ["Omar Reyes", "said", "Customers will pay,"],
      ["who", "called for", "a price cap"],
    ]);
  });

  it("ends the outer content where a relative clause brings its own speaker", () => {
    const out = suggest("Okafor testified that the fire started in two places, which he said ruled out a fault.");
    expect(out.map((s) => [s.mention, s.cue, s.parts ?? s.content])).toEqual([
      ["Okafor", "testified", "the fire started in two places"],
      // Guideline §10: the noun phrase the relative clause modifies is the first part of the content.
      ["he", "said", ["two places, which", "ruled out a fault"]],
    ]);
  });
});

describe("content boundaries and chains", () => {
  it("stops the content before a coordinated speech act of the source", () => {
    expect(
      suggest("A spokesperson said the US “strongly supports” the talks and urged both sides to stay.")[0].content,
    ).toBe("the US “strongly supports” the talks");
    expect(suggest("Feld said the cut was deep and raised questions about pricing.")[0].content).toBe(
      "the cut was deep and raised questions about pricing",
    );
  });

  it("reads 'accused X of Y' and drops a trailing channel phrase", () => {
    expect(triple("Irina Sokol accused Varenia of “moving the goalposts” in remarks to state television.")).toEqual([
      ["Irina Sokol", "accused", "Varenia of “moving the goalposts”"],
    ]);
    expect(suggest("The opposition accused the government of hiding the figures.")[0].content).toBe(
      "the government of hiding the figures",
    );
    expect(suggest("He was accused of fraud.")).toEqual([]);
  });

  it("never takes the outlet a source told or gave an interview to as via: it is the venue (guideline §7)", () => {
    expect(suggest("Joost van Damme told the newspaper Dagblad Zuid that staff were angry.")[0].via).toBeNull();
    expect(suggest("Rahman told the Harbury Echo that the injury was bad.")[0].content).toBe("the injury was bad");
    expect(suggest("Lovelace said in an interview with the BBC that the engine works.")[0]).toMatchObject({
      content: "the engine works",
      via: null,
    });
    expect(suggest("Brandt told reporters the case was weak.")[0].via).toBeNull();
  });

  it("keeps name particles inside names", () => {
    const [s] = suggest("Its chairman, Joost van Damme, said staff were angry.");
    // Guideline §3: a role before the name between commas is an appositive, not part of the mention.
    expect([s.mention, s.source.name, s.source.role]).toEqual(["Joost van Damme", "Joost van Damme", "chairman"]);
    expect(suggest("Oman’s foreign minister, Badr al-Rashdi, said progress had been made.")[0].source.name).toBe(
      "Badr al-Rashdi",
    );
  });
});

describe("role apposition before a name", () => {
  it("joins a possessor's role to the name when a relative clause follows the name", () => {
    const [s] = suggest(
      "Oman’s foreign minister, Badr al-Rashdi, who is mediating, said on Saturday that progress had been made.",
    );
    expect(s.mention).toBe("Badr al-Rashdi");
    expect(s.source).toMatchObject({ name: "Badr al-Rashdi", role: expect.stringContaining("foreign minister") });
  });
});
