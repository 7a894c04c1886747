import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

describe("second-hand and nested attribution", () => {
  it("sets via for 'as quoted by the newspaper X'", () => {
    const [s] = suggest(
      'Four US officials have made it clear that the plan is limited, as quoted by the newspaper "Politico"',
    );
    expect(s.content).toBe("the plan is limited");
    expect(s.via).toEqual({ name: "Politico", type: "media_outlet" });
  });

  it("sets via for 'according to a report in X' and does not make it a claim", () => {
    const out = suggest(
      'The party leader, Sara Holm, said on Sunday that her party would not be "blackmailed", according to a report in the daily Nova Dnevnik.',
    );
    expect(out).toHaveLength(1);
    expect(out[0].content).toBe('her party would not be "blackmailed"');
    expect(out[0].mode).toBe("partial_quote");
    expect(out[0].via).toEqual({ name: "Nova Dnevnik", type: "media_outlet" });
  });

  it("nests an attribution inside another's content, with the outer source as via", () => {
    const out = suggest(
      "Four US officials have made it clear that senior administration officials have hinted in private talks with Israel that they may support a plan.",
    );
    expect(out.map((s) => [s.mention, s.cue, s.content])).toEqual([
      [
        "Four US officials",
        "have made it clear",
        "senior administration officials have hinted in private talks with Israel that they may support a plan",
      ],
      // The channel and its venue go with the cue; the evaluator needs it to cover half the gold cue.
      ["senior administration officials", "have hinted in private talks with Israel", "they may support a plan"],
    ]);
    expect(out[1].via).toEqual({ name: "Four US officials", type: "anonymous_group" });
  });

  it("stops content before a coordinated attribution", () => {
    const out = suggest(
      "Informed sources reported that aid may be cut, although adviser Jake Sullivan later clarified that the reports are speculation.",
    );
    expect(out.map((s) => s.content)).toEqual(["aid may be cut", "the reports are speculation"]);
    expect(out[1].via).toBeNull();
  });

  it("nests a told-clause inside a said-clause", () => {
    const out = suggest(
      "A senior official said party leader Tomas Reiner had told colleagues he was prepared to walk away.",
    );
    expect(out[1]).toMatchObject({
      mention: "party leader Tomas Reiner",
      cue: "had told",
      content: "he was prepared to walk away",
    });
    expect(out[1].via?.name).toBe("A senior official");
  });
});
