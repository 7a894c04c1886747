import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const triple = (text: string) => suggest(text).map((s) => [s.mention, s.cue, s.content]);
const contentOf = (text: string, cue: string) => suggest(text).find((s) => s.cue === cue)?.content;

describe("where a complement ends", () => {
  it("stops at a colon: what follows illustrates in the writer's voice", () => {
    expect(contentOf("A poll in February found voters divided on the issue: 48% backed the plan.", "found")).toBe(
      "voters divided on the issue",
    );
  });

  it("stops at a closing which/where clause once the complement has its verb, not inside a subject", () => {
    expect(contentOf("Radar shows the heaviest bands stalling over Beaumont, where rain had fallen.", "shows")).toBe(
      "the heaviest bands stalling over Beaumont",
    );
    expect(contentOf("Lee said the conflict, which flared in 2023, has killed 3,000 people.", "said")).toBe(
      "the conflict, which flared in 2023, has killed 3,000 people",
    );
  });

  it("ends an infinitive or an object before the source's next finite act", () => {
    expect(triple("Beklan vowed to «defend every metre» of the territory and ordered the army to be ready.")).toEqual([
      ["Beklan", "vowed", "to «defend every metre» of the territory"],
    ]);
    expect(contentOf("The ministry welcomed the outcome in a statement and thanked its allies.", "welcomed")).toBe(
      "the outcome",
    );
    // A clause keeps its coordinated verbs: the subject is the content's.
    expect(
      contentOf("Kincaid said she is confident the new car, due in 2027 and expected to sell, will win.", "said"),
    ).toBe("she is confident the new car, due in 2027 and expected to sell, will win");
  });

  it("ends a belief before a contrasting stance of the same source", () => {
    expect(
      triple("Analysts believe the protests are the largest since 2011 but doubt they can force a new vote."),
    ).toEqual([
      ["Analysts", "believe", "the protests are the largest since 2011"],
      ["Analysts", "doubt", "they can force a new vote"],
    ]);
  });
});

describe("closing remarks of the writer after a complement", () => {
  it("stops at a possessive appositive and at a change figure", () => {
    expect(
      suggest("A poll found that voters approved of Ms. Ramos’s job performance, her highest rating since 2019.").find(
        (s) => s.cue === "approved of",
      )?.content,
    ).toBe("Ms. Ramos’s job performance");
    expect(
      suggest("54% of registered voters oppose the bill, up from 31% in April, the poll found.").find(
        (s) => s.cue === "oppose",
      )?.content,
    ).toBe("the bill");
  });

  it("reads a singular subject's verb in -s before an infinitive", () => {
    expect(suggest("Patel told reporters the company plans to seek approval next year.").map((s) => s.cue)).toEqual([
      "told",
      "plans",
    ]);
  });
});

describe("a second clause with its own subject", () => {
  it('ends the report at ", and" + a clause, but not at ", and that"', () => {
    expect(
      suggest(
        "Insiders say the mayor is determined to push the measure through, and his team has lined up 26 votes.",
      )[0].content,
    ).toBe("the mayor is determined to push the measure through");
    expect(
      suggest("A study found that ridership rose 38 percent, and that the time buses spent at stops fell.")[0].content,
    ).toBe("ridership rose 38 percent, and that the time buses spent at stops fell");
  });

  it("takes a demand's object after a coordinated stance", () => {
    expect(
      suggest("Hale also slammed the system as “a joke” and demanded an apology from the chiefs.").map((s) => s.cue),
    ).toEqual(["also slammed", "demanded"]);
  });
});

describe("objects and their adjuncts", () => {
  it("leaves a time adjunct out of an object", () => {
    expect(suggest("The unions denounced the plan within hours.")[0].content).toBe("the plan");
    expect(suggest("Valen expects the deal to close in the first half of next year.")[0].content).toBe(
      "the deal to close in the first half of next year",
    );
  });

  it("ends a report at a comma before the source's next cue verb", () => {
    expect(
      suggest("A study estimated that the complex would add 3,900 trips a day, and recommended a new signal.").map(
        (s) => s.content,
      ),
    ).toEqual(["the complex would add 3,900 trips a day", "a new signal"]);
  });

  it("ends a report before the source's refusal to say more: 'and did not say whether …'", () => {
    const claims = suggest(
      "The department said it was reviewing the decision and did not say whether it would appeal.",
    );
    expect(claims.map((c) => c.content)).toEqual(["it was reviewing the decision"]);
  });

  it("ends a report before ', and' with a clause of its own behind a time adjunct", () => {
    const claims = suggest(
      "Halvard has said the email was taken out of context, and on Tuesday the company told analysts that it was a joke.",
    );
    expect(claims.map((c) => [c.cue, c.content])).toEqual([
      ["has said", "the email was taken out of context"],
      ["told", "it was a joke"],
    ]);
  });

  it("keeps a relative clause's second verb in an object: 'an increase that rises and falls with …'", () => {
    expect(
      contentOf(
        "His caucus would support a smaller increase that rises and falls with the price of gold.",
        "would support",
      ),
    ).toBe("a smaller increase that rises and falls with the price of gold");
    expect(contentOf("The union denounced the plan and vowed to strike.", "denounced")).toBe("the plan");
  });
});

describe("a possessive after ', and' coordinates a noun phrase", () => {
  it('keeps ", and Biden\'s handling of them" in the report', () => {
    expect(
      suggest(
        "Officials believed that the raids fed criticism of the attacks on the city, and Biden's handling of them.",
      )[0].content,
    ).toBe("the raids fed criticism of the attacks on the city, and Biden's handling of them");
  });
});
