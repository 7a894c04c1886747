import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

describe("pronouns and short mentions", () => {
  it("resolves 'They' to the nearest group, not an individual", () => {
    const out = suggest(
      "A senior official said talks had stalled. Two diplomats said a deal was close. They believed that the gap was small.",
    );
    expect(out[2].mention).toBe("They");
    expect(out[2].source.name).toBe("Two diplomats");
  });

  it("resolves 'he'/'she' to the nearest individual, skipping groups", () => {
    const out = suggest("Dr. Amara Okafor studies ice. Two engineers said the drill broke. “Ice is honest,” she says.");
    expect(out.at(-1)!.source).toMatchObject({ type: "person", name: "Amara Okafor" });
  });

  it("uses names outside claims as antecedents", () => {
    const out = suggest("Okafor does not disagree. “That is why we go back,” she says.", {});
    expect(out[0].source.name).toBe("she");
    const full = suggest(
      "Dr. Amara Okafor leads the team. Peter Lund said the sample was small. Okafor does not disagree. “That is why we go back,” she says.",
    );
    expect(full.at(-1)!.source.name).toBe("Amara Okafor");
  });

  it("resolves a surname to the full name", () => {
    const out = suggest(
      "Governor Maria Lindqvist said rates could fall. “We are not there yet,” Lindqvist told reporters.",
    );
    expect(out[1].source).toMatchObject({ type: "person", name: "Maria Lindqvist", role: "Governor" });
  });

  it("resolves 'the bank' to an organisation, not to people at banks", () => {
    const out = suggest(
      "The Central Bank of Norland kept rates on hold. Two traders at Oslavik banks said the move was expected. The next decision is due in May, the bank said.",
    );
    expect(out.at(-1)!.source).toMatchObject({ type: "organization", name: "Central Bank of Norland" });
  });

  it("resolves 'the people' to the earlier people", () => {
    const out = suggest(
      "Talks have stalled, according to three people briefed on the talks. The gap is about money, the people said.",
    );
    expect(out[1].source).toMatchObject({ name: "three people briefed on the talks", count: 3 });
  });

  it("makes 'one of them' one member of the nearest group", () => {
    const out = suggest(
      "Two Green Alliance lawmakers said the threat was a bluff. “Nobody wants elections,” one of them said.",
    );
    expect(out[1].source).toMatchObject({
      type: "anonymous_individual",
      count: 1,
      affiliation: "Green Alliance",
      role: "lawmaker",
    });
  });

  it("keeps an unresolvable pronoun with low confidence", () => {
    const [s] = suggest("He said the plan was dead.");
    expect(s.source).toMatchObject({ type: "person", name: "He" });
    expect(s.confidence).toBeLessThan(0.6);
  });
});
