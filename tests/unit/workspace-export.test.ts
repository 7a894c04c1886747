import { describe, expect, it } from "vitest";
import { checkWorkspace } from "@/lib/workspace-export/check-workspace";
import { type Section, type WorkspaceFile, workspaceFile } from "@/lib/workspace-export/format";
import { serializeWorkspace } from "@/lib/workspace-export/serialize-workspace";

const T = "2026-01-02T03:04:05.678Z";
const U = "11111111-1111-4111-8111-111111111111";
const S1 = "22222222-2222-4222-8222-222222222222";
const S2 = "22222222-2222-4222-8222-333333333333";
const A = "33333333-3333-4333-8333-333333333333";
const C = "44444444-4444-4444-8444-444444444444";
const body = '"Yes," she said 😀. قال.';

function workspace(): WorkspaceFile {
  return {
    format: "sourcedesk-workspace",
    version: 1,
    users: [{ id: U, email: "e@x.org", name: "E", role: "editor", createdAt: T, updatedAt: T }],
    sources: [
      {
        id: S1,
        type: "person",
        name: "Amal",
        count: null,
        affiliation: null,
        role: null,
        anonymityReason: null,
        identityKnownToNewsroom: null,
        notes: "",
        version: 1,
        createdAt: T,
        updatedAt: T,
      },
      {
        id: S2,
        type: "media_outlet",
        name: "Reuters",
        count: null,
        affiliation: null,
        role: null,
        anonymityReason: null,
        identityKnownToNewsroom: null,
        notes: "",
        version: 1,
        createdAt: T,
        updatedAt: T,
      },
    ],
    articles: [
      {
        id: A,
        title: "t",
        body,
        language: "en",
        outlet: null,
        url: null,
        publishedAt: null,
        status: "draft",
        version: 1,
        createdById: U,
        createdAt: T,
        updatedAt: T,
        statements: [
          {
            id: "55555555-5555-4555-8555-555555555555",
            ordinal: 0,
            kind: "sentence",
            start: 0,
            end: 18,
            text: body.slice(0, 18),
          },
        ],
        rejectedSuggestions: [],
      },
    ],
    claims: [
      {
        id: C,
        articleId: A,
        start: 1,
        end: 5,
        text: "Yes,",
        prefix: '"',
        suffix: '" she',
        orphaned: false,
        parts: [{ start: 1, end: 5, text: "Yes," }],
        reviewStatus: "pending",
        reviewComment: null,
        version: 1,
        createdById: U,
        createdAt: T,
        updatedAt: T,
      },
    ],
    attributions: [
      {
        id: "66666666-6666-4666-8666-666666666666",
        claimId: C,
        sourceId: S1,
        mode: "direct_quote",
        cue: { start: 11, end: 15, text: "said" },
        mention: { start: 7, end: 10, text: "she" },
        viaSourceId: S2,
        note: null,
        origin: "suggestion",
        confidence: 0.85,
        version: 1,
        createdById: U,
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
}

async function serialize(file: WorkspaceFile) {
  let out = "";
  await serializeWorkspace(
    {
      write: async (t) => {
        out += t;
      },
    },
    async function* (section: Section) {
      yield* file[section];
    },
  );
  return out;
}

describe("serializeWorkspace", () => {
  it("writes one record per line in a fixed layout that parses back to the same document", async () => {
    const file = workspace();
    const text = await serialize(file);
    expect(JSON.parse(text)).toEqual(file);
    expect(workspaceFile.safeParse(JSON.parse(text)).success).toBe(true);
    expect(text.startsWith('{\n  "format": "sourcedesk-workspace",\n  "version": 1,\n  "users": [\n    {"id":')).toBe(
      true,
    );
    expect(text.endsWith("\n  ]\n}\n")).toBe(true);
    expect(text.split("\n").filter((l) => l.startsWith("    {"))).toHaveLength(1 + 2 + 1 + 1 + 1);
    expect(await serialize(file)).toBe(text);
  });

  it("reads version-1 files with and without the optional article fields added later", () => {
    const older = workspace();
    expect(workspaceFile.parse(older).articles[0]).not.toHaveProperty("author");
    const newer = workspace();
    Object.assign(newer.articles[0], { author: "Rana Abu Ali", desk: "metro" });
    expect(workspaceFile.parse(newer).articles[0]).toMatchObject({ author: "Rana Abu Ali", desk: "metro" });
    Object.assign(newer.articles[0], { desk: 5 });
    expect(workspaceFile.safeParse(newer).success).toBe(false);
  });

  it("writes empty sections as []", async () => {
    const text = await serialize({ ...workspace(), claims: [], attributions: [] });
    expect(text).toContain('  "claims": [],\n  "attributions": []\n}\n');
  });
});

describe("checkWorkspace", () => {
  it("reads a file written before attributions had an origin, as typed by hand", () => {
    const older = structuredClone(workspace()) as unknown as { attributions: Record<string, unknown>[] };
    for (const a of older.attributions) {
      delete a.origin;
      delete a.confidence;
    }
    const file = workspaceFile.parse(older);
    expect(file.attributions[0].origin ?? "manual").toBe("manual");
    expect(checkWorkspace(file)).toEqual([]);
  });

  it("accepts a consistent file", () => {
    expect(checkWorkspace(workspace())).toEqual([]);
  });

  it.each<[string, (f: WorkspaceFile) => void, RegExp]>([
    [
      "a duplicate id",
      (f) => {
        f.sources[1].id = S1;
      },
      /sources\[1\]: duplicate id/,
    ],
    [
      "a duplicate named source",
      (f) => {
        f.sources[1] = { ...f.sources[1], type: "person", name: "  the AMAL " };
      },
      /duplicate named source/,
    ],
    [
      "an unknown article",
      (f) => {
        f.claims[0].articleId = S1;
      },
      /claims\[0\]\.articleId: unknown article/,
    ],
    [
      "an unknown user",
      (f) => {
        f.articles[0].createdById = S1;
      },
      /articles\[0\]\.createdById: unknown user/,
    ],
    [
      "an unknown via source",
      (f) => {
        f.attributions[0].viaSourceId = A;
      },
      /viaSourceId: unknown source/,
    ],
    [
      "a source reached through itself",
      (f) => {
        f.attributions[0].viaSourceId = S1;
      },
      /through itself/,
    ],
    [
      "a claim whose text is not the body's",
      (f) => {
        f.claims[0].text = "No,";
      },
      /claims\[0\]: text differs/,
    ],
    [
      "a span past the end",
      (f) => {
        f.attributions[0].cue = { start: 20, end: 99, text: "" };
      },
      /cue: end must be at most/,
    ],
    [
      "a span cutting an emoji",
      (f) => {
        const e = body.indexOf("😀");
        f.attributions[0].mention = { start: e, end: e + 1, text: body.slice(e, e + 1) };
      },
      /surrogate pair/,
    ],
    [
      "parts not spanning the claim",
      (f) => {
        f.claims[0].parts = [{ start: 1, end: 4, text: "Yes" }];
      },
      /parts do not span the claim/,
    ],
    [
      "statements out of order",
      (f) => {
        f.articles[0].statements[0].ordinal = 3;
      },
      /ordinal 3 out of order/,
    ],
  ])("reports %s", (_label, damage, problem) => {
    const file = workspace();
    damage(file);
    expect(checkWorkspace(file).join("\n")).toMatch(problem);
  });

  it("lets an orphaned claim keep the quote it lost", () => {
    const file = workspace();
    Object.assign(file.claims[0], { orphaned: true, text: "words no longer in the article", parts: null });
    expect(checkWorkspace(file)).toEqual([]);
  });
});
