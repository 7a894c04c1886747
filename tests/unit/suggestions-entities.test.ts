import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const sources = (text: string) => suggest(text).map((s) => s.source);

describe("typing names and descriptors", () => {
  it.each([
    ["Credit rating agency Sterling Ratings said it was reviewing the rating.", "organization", "Sterling Ratings"],
    ["The United Nations says more than 30,000 people have been killed.", "organization", "United Nations"],
    ["The Red Cross said convoys had been turned back.", "organization", "Red Cross"],
    [
      "According to a police statement read to the court, a neighbour saw a man.",
      "document",
      "a police statement read to the court",
    ],
    [
      "Troops were ordered to stay, according to a government memo seen by the news site Pravda Now.",
      "document",
      "a government memo",
    ],
    ["The news agency Tanjug reported that the border was closed.", "media_outlet", "Tanjug"],
  ])("%s", (text, type, name) => {
    const [s] = sources(text);
    expect([s.type, s.name]).toEqual([type, name]);
  });

  it("reads a capitalised role noun before a name as a role", () => {
    expect(sources("Prosecutor Helen Marsh said the fire was planned.")[0]).toMatchObject({
      name: "Helen Marsh",
      role: "Prosecutor",
    });
  });
});

describe("resolving short names and epithets", () => {
  it("resolves a company's first word to the company", () => {
    const out = sources(
      "Shares in Brightwater Semiconductors fell 14%. Brightwater said in a statement that it would cut jobs.",
    );
    expect(out[0]).toMatchObject({ type: "organization", name: "Brightwater Semiconductors" });
  });

  it("resolves 'the company' and 'the report' to the nearest source of that kind, never a country", () => {
    const out = sources("Brightwater Semiconductors blamed weak demand in China. The company said the plant was safe.");
    expect(out[0].name).toBe("Brightwater Semiconductors");
    expect(
      sources("A study published on Thursday found that staff slept more. The report said output held steady.")[1].name,
    ).toBe("A study published on Thursday");
  });

  it("resolves 'the 29-year-old' to the person being written about", () => {
    const out = sources(
      "Daniel Okonkwo says he is enjoying football again. Speaking on Tuesday, the 29-year-old said the waiting was hardest.",
    );
    expect(out[1]).toMatchObject({ type: "person", name: "Daniel Okonkwo" });
  });
});

describe("pronouns: salience and gender", () => {
  it("prefers the last speaker over a name mentioned inside the content", () => {
    const out = sources(
      "Prosecutor Helen Marsh said Kovac had increased the cover. She told the court the fire was planned.",
    );
    expect(out[1].name).toBe("Helen Marsh");
    const dunmore = sources(
      "Dunmore told reporters Okonkwo would not start every game. The medical staff want to manage his minutes, she said.",
    );
    expect(dunmore[1].name).toBe("Dunmore");
  });

  it("skips a source whose gender is known to differ", () => {
    const out = sources("A spokeswoman, Helen Marsh, said Kovac had planned the fire. He said the claim was absurd.");
    expect(out[1].name).toBe("Kovac");
    const honorific = sources("Ms Marsh said the fire was planned. Mr Kovac listened. He said the claim was absurd.");
    expect(honorific[1].name).toBe("Kovac");
  });

  it("learns gender from an earlier resolved pronoun", () => {
    const out = sources(
      "Helen Marsh said the fire was planned. “It was a plan,” she said. Marsh told jurors Kovac had lied. He said the claim was absurd.",
    );
    expect(out.at(-1)!.name).toBe("Kovac");
  });

  it("does not take places or sentence-initial words for people", () => {
    const out = sources("Inflation has slowed. Fighting continued in Rafah. “We cannot win this,” he said.");
    expect(out[0].name).toBe("he");
  });
});
