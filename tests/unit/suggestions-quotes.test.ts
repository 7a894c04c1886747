import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

describe("quotations", () => {
  it("takes the quoted text as content of a direct quote, straight marks", () => {
    const [s] = suggest('"We cannot win this war without Rafah," the official said.');
    expect([s.content, s.mention, s.cue, s.mode]).toEqual([
      "We cannot win this war without Rafah,",
      "the official",
      "said",
      "direct_quote",
    ]);
  });

  it("handles curly marks", () => {
    const [s] = suggest("“Ice is honest,” she says.");
    expect([s.content, s.mention, s.cue, s.mode]).toEqual(["Ice is honest,", "she", "says", "direct_quote"]);
  });

  it("handles a closing mark glued to the next word", () => {
    const [s] = suggest('An official spoke. "At the end of the day, we cannot win this war,"he said.');
    expect([s.content, s.mention, s.cue]).toEqual(["At the end of the day, we cannot win this war,", "he", "said"]);
  });

  it("handles a quote after the cue with a colon", () => {
    const [s] = suggest("The minister said: “We will not cut a single meal.”");
    expect([s.content, s.mode]).toEqual(["We will not cut a single meal.", "direct_quote"]);
  });

  it("marks a quoted fragment inside a paraphrase as a partial quote", () => {
    const [s] = suggest('The adviser later clarified that the reports are just "ill-considered speculation".');
    expect([s.content, s.mode]).toEqual(['the reports are just "ill-considered speculation"', "partial_quote"]);
  });

  it("does not treat a quoted name as a partial quote", () => {
    expect(suggest('The ferry "Marta" made 40,000 crossings, the council said.')[0].mode).toBe("paraphrase");
  });

  it("joins a split quote into content parts", () => {
    const text = "“People imagine it is romantic,” Okafor said, laughing, “but it is mostly waiting.”";
    const [s] = suggest(text);
    expect(s.parts).toEqual(["People imagine it is romantic,", "but it is mostly waiting."]);
    expect(s.content).toBe("People imagine it is romantic,” Okafor said, laughing, “but it is mostly waiting.");
    expect(s.mode).toBe("direct_quote");
  });

  it("keeps a multi-sentence quote whole", () => {
    const [s] = suggest("“We used to find one layer a decade. Now we find them every year,” she said.");
    expect(s.content).toBe("We used to find one layer a decade. Now we find them every year,");
  });

  it("gives a bare quote sentence to the speaker of the quote before it, also in the next paragraph", () => {
    const out = suggest("“It is a cut,” Diaz said. “Families will notice.”");
    expect(out.map((s) => [s.content, s.mention, s.cue])).toEqual([
      ["It is a cut,", "Diaz", "said"],
      ["Families will notice.", null, null],
    ]);
    expect(out[1].source.name).toBe(out[0].source.name);
    // Guideline §4: a quote opening the next paragraph with no cue continues the same speaker.
    const next = suggest("“It is a cut,” Diaz said.\n\n“Families will notice.”");
    expect(next.map((s) => [s.content, s.cue])).toEqual([
      ["It is a cut,", "said"],
      ["Families will notice.", null],
    ]);
    // A paraphrase or the writer's own sentence in between ends the speaker's turn.
    expect(suggest("Diaz said the cut was deep.\n\nThe vote is on Friday.\n\n“Families will notice.”")).toHaveLength(1);
  });

  it("does not pair a quote with a cue in the next paragraph", () => {
    const out = suggest("“It is a cut,” Diaz said.\n\nHer colleague Jonas Berg said she was calm.");
    expect(out[1].content).toBe("she was calm");
    expect(out[1].mode).toBe("paraphrase");
  });

  it("ignores cue words inside quotations", () => {
    const out = suggest("“They said it would never work,” the engineer said.");
    expect(out).toHaveLength(1);
    expect(out[0].mention).toBe("the engineer");
  });

  it("prefers the subject before the cue over a recipient after it", () => {
    const [s] = suggest('"It\'s over," Smith, 54, told the Associated Press by phone.');
    expect([s.mention, s.cue, s.content]).toEqual(["Smith", "told", "It's over,"]);
  });
});

describe("headline and live-blog colons", () => {
  it("reads a short source before a colon, but not an explainer's section label", () => {
    expect(suggest("Poll: Voters Sour on the Plan").map((s) => [s.mention, s.cue])).toEqual([["Poll", ":"]]);
    expect(suggest("Methodology: The survey of 1,506 registered voters was conducted online.")).toEqual([]);
  });
});
