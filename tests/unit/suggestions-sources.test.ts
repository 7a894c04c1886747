import { describe, expect, it } from "vitest";
import { suggest } from "./suggestions-helpers";

const first = (text: string) => suggest(text)[0].source;

describe("anonymous descriptors", () => {
  it.each([
    ["Four US officials said the plan had changed.", "anonymous_group", 4, "United States government"],
    ["Two Israeli officials explained that the army was studying plans.", "anonymous_group", 2, "Israeli government"],
    ["Three diplomats said the talks had stalled.", "anonymous_group", 3, null],
    ["12 lawmakers said the bill would fail.", "anonymous_group", 12, null],
    ["A senior official said the vote would be delayed.", "anonymous_individual", 1, null],
    ["Senior US officials said the plan had changed.", "anonymous_group", null, "United States government"],
  ])("%s", (text, type, count, affiliation) => {
    const s = first(text);
    expect(s.type).toBe(type);
    expect(s.count).toBe(count);
    expect(s.affiliation).toBe(affiliation);
  });

  it("reads 'a third official' as one more individual", () => {
    const s = first("A third Israeli official confirmed that an operation was inevitable.");
    expect([s.type, s.count, s.role]).toEqual(["anonymous_individual", 1, "official"]);
  });

  it("keeps seniority in the role", () => {
    expect(first("Senior US officials said the plan had changed.").role).toBe("senior officials");
  });

  it("names the administration after a president mentioned nearby", () => {
    const withPresident = suggest(
      "President Joe Biden met aides on Monday. Senior administration officials said the plan had changed.",
    );
    expect(withPresident[0].source.affiliation).toBe("Biden administration");
    expect(first("Senior administration officials said the plan had changed.").affiliation).toBe("administration");
  });

  it("handles 'sources familiar with' and 'people briefed on'", () => {
    const a = suggest("Sources familiar with the matter said a deal was close.")[0];
    expect([a.mention, a.source.type, a.source.affiliation]).toEqual([
      "Sources familiar with the matter",
      "anonymous_group",
      null,
    ]);
    const b = suggest("The talks have stalled, according to three people briefed on the negotiations.")[0];
    expect([b.mention, b.source.count]).toEqual(["three people briefed on the negotiations", 3]);
  });

  it("takes an organisation from the descriptor", () => {
    expect(first("A senior Civic Union official said the leader would resign.").affiliation).toBe("Civic Union");
    expect(first("Officials in the finance ministry said taxes would rise.").affiliation).toBe("finance ministry");
  });

  it.each([
    ["A third official, who also requested anonymity, confirmed that the talks failed.", "requested anonymity"],
    [
      "Two officials, who were not authorised to speak publicly, said the talks failed.",
      "not authorised to speak publicly",
    ],
    [
      "Two traders, who spoke on condition of anonymity because they were not authorized to talk to the media, said prices fell.",
      "not authorized to talk to the media",
    ],
    [
      '"Nobody wants elections," one official said, speaking on condition of anonymity.',
      "speaking on condition of anonymity",
    ],
  ])("anonymity reason: %s", (text, reason) => {
    expect(first(text).anonymityReason).toBe(reason);
  });
});

describe("named sources", () => {
  it("moves a title or role before the name into role", () => {
    const s = first("National security adviser Jake Sullivan later clarified that the reports were speculation.");
    expect([s.type, s.name, s.role]).toEqual(["person", "Jake Sullivan", "National security adviser"]);
    const g = first("Governor Maria Lindqvist said rates could fall.");
    expect([g.name, g.role]).toEqual(["Maria Lindqvist", "Governor"]);
  });

  it("reads a role apposition before the name as the role, the name as the mention (guideline §3)", () => {
    const [s] = suggest("“We will not cut a single meal,” the education minister, Lena Hartmann, said on Wednesday.");
    expect([s.mention, s.content]).toEqual(["Lena Hartmann", "We will not cut a single meal,"]);
    expect([s.source.name, s.source.role]).toEqual(["Lena Hartmann", "education minister"]);
  });

  it("reads role and affiliation from a trailing appositive", () => {
    const [s] = suggest(
      "Peter Lund, a climate modeller at the Nordic Meteorological Institute, cautioned that the sample was small.",
    );
    expect(s.mention).toBe("Peter Lund");
    expect([s.source.role, s.source.affiliation]).toEqual(["climate modeller", "Nordic Meteorological Institute"]);
  });

  it.each([
    ["The United States stressed that it opposes the plan.", "organization", "United States"],
    ["The Finance Ministry said that growth would slow.", "organization", "Finance Ministry"],
    ["Reiner's office said in a statement that he remained committed.", "organization", "Reiner's office"],
    ["The teachers’ union said more than 12,000 teachers had signed.", "organization", "teachers’ union"],
    ["Politico reported that the plan had changed.", "media_outlet", "Politico"],
    ["A report said that the river had flooded twice.", "document", "A report"],
    [
      "Unverified figures circulated online suggested the cuts could affect 200,000 pupils.",
      "document",
      "Unverified figures circulated online",
    ],
    [
      "In a statement, the employers' federation UnionTrade called the results “interesting but limited”.",
      "organization",
      "UnionTrade",
    ],
  ])("%s → %s", (text, type, name) => {
    const s = first(text);
    expect(s.type).toBe(type);
    expect(s.name).toBe(name);
  });

  it("links an existing source by type and normalised name", () => {
    const [s] = suggest("The Politico reported that the plan had changed.", {
      knownSources: [
        { id: "src-1", type: "media_outlet", name: "politico" },
        { id: "src-2", type: "person", name: "Politico" },
      ],
    });
    expect(s.source.existingSourceId).toBe("src-1");
    expect(suggest("Politico reported that the plan had changed.")[0].source.existingSourceId).toBeNull();
  });
});
