import { beforeAll, describe, expect, it } from "vitest";
import * as diversity from "@/app/api/diversity/route";
import * as source from "@/app/api/sources/[id]/route";
import * as trends from "@/app/api/trends/route";
import { db } from "@/lib/db";
import { approve, newSource, type Story, seedStory } from "./fixtures/story-seed";
import { call, databaseFingerprint, makeUser, type TestUser, unique } from "./helpers";

// Dates no other test uses, so the filter selects exactly what this file seeds.
const FROM = "1901-01-01";
const TO = "1903-12-31";
const RANGE = { from: FROM, to: TO };

let editor: TestUser;
let reviewer: TestUser;
const ids: Record<string, string> = {};
const articleIds: Record<string, string> = {};
const outlet = { a: unique("Daily A"), b: unique("Weekly B") };

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  const make = async (key: string, input: Record<string, unknown>) => {
    ids[key] = (await newSource(editor, input)).id;
  };
  await make("woman", { type: "person", name: unique("Amal"), gender: "woman" });
  await make("woman2", { type: "person", name: unique("Dana"), gender: "woman" });
  await make("man", { type: "person", name: unique("Boris"), gender: "man" });
  await make("nb", { type: "person", name: unique("Kai"), gender: "nonbinary" });
  await make("unknownPerson", { type: "person", name: unique("Lee") });
  await make("org", { type: "organization", name: unique("Ministry") });
  await make("doc", { type: "document", name: unique("Budget paper") });
  await make("wire", { type: "media_outlet", name: unique("Wire") });
  await make("officials", {
    type: "anonymous_group",
    name: "officials",
    anonymityReason: "not authorised",
    identityKnownToNewsroom: true,
  });
  await make("insider", { type: "anonymous_individual", name: "an insider", identityKnownToNewsroom: false });
  await make("aide", { type: "anonymous_individual", name: "an aide" }); // no reason, identity not recorded

  const stories: Record<string, Story> = {
    jan1: {
      title: unique("jan1"),
      publishedAt: "1901-01-05",
      outlet: outlet.a,
      desk: "politics",
      author: "Ana",
      claims: [
        { sources: [ids.woman], mode: "direct_quote" },
        { sources: [ids.officials] },
        { sources: [ids.insider], via: ids.wire },
        { sources: [ids.man, ids.woman], mode: "partial_quote" },
      ],
      unsourced: 2,
    },
    jan2: {
      title: unique("jan2"),
      publishedAt: "1901-01-20",
      outlet: outlet.b,
      desk: "metro",
      author: "Ben",
      claims: [{ sources: [ids.org] }, { sources: [ids.org] }],
      unsourced: 1,
    },
    mar: {
      title: unique("mar"),
      publishedAt: "1901-03-10",
      outlet: outlet.a,
      desk: "politics",
      author: "Ana",
      claims: [
        { sources: [ids.aide] },
        { sources: [ids.unknownPerson], via: ids.doc },
        { sources: [ids.nb] },
        { sources: [ids.woman2] },
      ],
    },
    y3: {
      title: unique("y3"),
      publishedAt: "1903-12-31",
      outlet: outlet.b,
      claims: [{ sources: [ids.doc] }, { sources: [ids.insider] }, { sources: [] }],
      unsourced: 3,
    },
  };
  for (const [key, story] of Object.entries(stories)) articleIds[key] = (await seedStory(editor, story)).article.id;
  await approve(articleIds.jan1, reviewer); // approval changes nothing here: trends count every status
});

/** The series recomputed from the rows themselves, without any of the trends' SQL. */
async function recompute() {
  const articles = await db().article.findMany({
    where: { publishedAt: { gte: new Date(FROM), lt: new Date("1904-01-01") } },
    include: {
      statements: true,
      claims: { include: { attributions: { include: { source: true } } } },
    },
  });
  const months = new Map<
    string,
    {
      claims: number;
      attributed: number;
      anonymousOnly: number;
      secondHand: number;
      sentences: number;
      unsourced: number;
      person: number;
      paraphrase: number;
      missing: Set<string>;
    }
  >();
  for (const a of articles) {
    const month = `${a.publishedAt!.toISOString().slice(0, 7)}-01`;
    const m = months.get(month) ?? {
      claims: 0,
      attributed: 0,
      anonymousOnly: 0,
      secondHand: 0,
      sentences: 0,
      unsourced: 0,
      person: 0,
      paraphrase: 0,
      missing: new Set<string>(),
    };
    months.set(month, m);
    for (const c of a.claims) {
      const types = c.attributions.map((x) => x.source.type);
      m.claims++;
      if (types.length) m.attributed++;
      if (types.length && types.every((t) => t.startsWith("anonymous"))) m.anonymousOnly++;
      if (c.attributions.some((x) => x.viaSourceId)) m.secondHand++;
      if (types.includes("person")) m.person++;
      if (c.attributions.some((x) => x.mode === "paraphrase")) m.paraphrase++;
      for (const x of c.attributions)
        if (x.source.type.startsWith("anonymous") && !x.source.anonymityReason) m.missing.add(x.sourceId);
    }
    const sentences = a.statements.filter((s) => s.kind === "sentence");
    m.sentences += sentences.length;
    m.unsourced += sentences.filter(
      (s) => !a.claims.some((c) => c.attributions.length && !c.orphaned && c.start < s.end && s.start < c.end),
    ).length;
  }
  return months;
}

describe("GET /api/trends", () => {
  it("gives a 3-year monthly series equal to the figures recomputed from the rows", async () => {
    const { status, json } = await call(trends.GET, "GET", { user: reviewer, query: RANGE });
    expect(status).toBe(200);
    expect(json.periods).toHaveLength(36);
    expect(json.periods[0]).toBe("1901-01-01");
    expect(json.periods.at(-1)).toBe("1903-12-01");
    expect(json.groups).toEqual([null]);
    const expected = await recompute();
    for (const p of json.series) {
      const m = expected.get(p.period);
      if (!m) {
        expect(p.claims, p.period).toBe(0);
        expect(p.unsourcedSentences.of, p.period).toBe(0);
        continue;
      }
      expect(p, p.period).toMatchObject({
        claims: m.claims,
        attributed: m.attributed,
        anonymousOnly: { count: m.anonymousOnly, of: m.attributed, share: m.anonymousOnly / m.attributed },
        secondHand: { count: m.secondHand, of: m.attributed },
        unsourcedSentences: { count: m.unsourced, of: m.sentences },
        anonymousWithoutReason: m.missing.size,
      });
      expect(p.bySourceType.person).toBe(m.person);
      expect(p.byMode.paraphrase).toBe(m.paraphrase);
    }
    const jan = json.series.find((p: { period: string }) => p.period === "1901-01-01");
    expect(jan).toMatchObject({ claims: 6, attributed: 6, anonymousOnly: { count: 2 }, secondHand: { count: 1 } });
    expect(jan.unsourcedSentences).toEqual({ count: 3, of: 9, share: 3 / 9 });
    expect(jan.bySourceType).toMatchObject({ person: 2, organization: 2, anonymous_group: 1, anonymous_individual: 1 });
    // The insider (no reason) is quoted in January 1901 and December 1903: once in the total.
    expect(json.totals.overall.anonymousWithoutReason).toBe(2);
    expect(json.totals.overall.claims).toBe(13);
  });

  it("breaks down by outlet, author or desk, and takes the explorer's filters", async () => {
    const byOutlet = (await call(trends.GET, "GET", { user: editor, query: { ...RANGE, by: "outlet" } })).json;
    expect(byOutlet.groups).toEqual([outlet.a, outlet.b]);
    expect(byOutlet.series).toHaveLength(72);
    const totals = Object.fromEntries(
      byOutlet.totals.groups.map((g: { group: string; claims: number }) => [g.group, g.claims]),
    );
    expect(totals).toEqual({ [outlet.a]: 8, [outlet.b]: 5 });
    const byDesk = (await call(trends.GET, "GET", { user: editor, query: { ...RANGE, by: "desk", interval: "week" } }))
      .json;
    expect(byDesk.groups).toEqual(["politics", "metro", null]);
    expect(byDesk.periods[0]).toBe("1900-12-31"); // the Monday of 1 January 1901's week
    const anonymous = (
      await call(trends.GET, "GET", { user: editor, query: { ...RANGE, anonymous: "true", by: "author" } })
    ).json;
    expect(anonymous.totals.overall).toMatchObject({ claims: 4, anonymousOnly: { count: 4, of: 4, share: 1 } });
    // Sentences are counted over the article filters only, so Ben's story still has a (claim-less) row.
    expect(anonymous.groups).toEqual(["Ana", "Ben", null]);
  });

  it("gives the page the same series from the counts alone, then the same whole answer (findTrendsInParts)", async () => {
    const { findTrends, findTrendsInParts } = await import("@/lib/trends/find-trends");
    const { trendsSchema } = await import("@/lib/trends/schema");
    const countsOnly = <P extends { anonymousWithoutReason?: number }>({ anonymousWithoutReason: _n, ...p }: P) => p;
    for (const query of [
      RANGE,
      { ...RANGE, by: "outlet" },
      { ...RANGE, anonymous: "true", by: "author" },
      { ...RANGE, interval: "week", by: "desk" },
      { ...RANGE, q: "said" },
    ]) {
      const input = trendsSchema.parse(query);
      const whole = await findTrends(input);
      const { policy, ...full } = whole;
      expect(policy.anonymousWithoutReason).toBeDefined();
      const parts = await findTrendsInParts(input);
      expect(parts.series, JSON.stringify(query)).toEqual({
        ...full,
        series: full.series.map(countsOnly),
        totals: { groups: full.totals.groups.map(countsOnly), overall: countsOnly(full.totals.overall) },
      });
      expect(await parts.trends, JSON.stringify(query)).toEqual(whole);
    }
  });

  it("runs every policy check on the seeded cases", async () => {
    const { policy } = (await call(trends.GET, "GET", { user: editor, query: RANGE })).json;
    expect(policy.anonymousWithoutReason.articles).toBe(3);
    expect(policy.anonymousWithoutReason.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [articleIds.jan1, articleIds.mar, articleIds.y3].sort(),
    );
    expect(policy.singleSource).toMatchObject({ articles: 1, items: [{ id: articleIds.jan2, claims: 2 }] });
    expect(policy.identityUnknown).toMatchObject({ sources: 1, notRecorded: 1 });
    expect(policy.identityUnknown.items).toEqual([
      { id: ids.insider, name: "an insider", type: "anonymous_individual", articles: 2, claims: 2 },
    ]);
  });

  it("exports the series as CSV, and refuses bad parameters with 400 and changes nothing", async () => {
    const url = new URL("http://localhost/api/trends");
    for (const [k, v] of Object.entries({ ...RANGE, by: "desk", format: "csv" })) url.searchParams.set(k, v);
    const response = await trends.GET(new Request(url, { headers: { authorization: `Bearer ${editor.token}` } }), {
      params: Promise.resolve({}),
    } as never);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toMatch(/^period,desk,claims,attributed,anonymous_only,anonymous_only_share,/);
    expect(lines.filter(Boolean)).toHaveLength(1 + 36 * 3);
    expect(lines.filter((l) => l.startsWith("1901-01-01"))).toEqual([
      "1901-01-01,politics,4,4,2,0.5,1,0.25,6,2,0.333333,1,2,0,0,0,1,1,1,1,2",
      "1901-01-01,metro,2,2,0,0,0,0,3,1,0.333333,0,0,2,0,0,0,0,0,0,2",
      "1901-01-01,,0,0,0,,0,,0,0,,0,0,0,0,0,0,0,0,0,0",
    ]);
    const before = await databaseFingerprint();
    const bad: Record<string, string>[] = [
      { interval: "day" },
      { by: "title" },
      { from: "1903-01-01", to: "1902-01-01" },
      { format: "xml" },
    ];
    for (const query of bad) {
      const refused = await call(trends.GET, "GET", { user: editor, query });
      expect(refused.status, JSON.stringify(query)).toBe(400);
      expect(refused.json.error.code).toBe("validation_error");
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("GET /api/diversity", () => {
  it("counts quoted named people by gender with unknown shown, and anonymous sources apart", async () => {
    const { status, json } = await call(diversity.GET, "GET", { user: reviewer, query: RANGE });
    expect(status).toBe(200);
    expect(json.genders).toEqual(["woman", "man", "nonbinary", "unknown"]);
    expect(json.overall).toMatchObject({
      people: 5,
      claims: 5,
      byGender: {
        woman: { people: 2, claims: 3, share: 2 / 5 },
        man: { people: 1, claims: 1, share: 1 / 5 },
        nonbinary: { people: 1, claims: 1, share: 1 / 5 },
        unknown: { people: 1, claims: 1, share: 1 / 5 },
      },
      anonymous: { sources: 3, claims: 4 },
    });
    const jan = json.byPeriod.find((c: { period: string }) => c.period === "1901-01-01");
    expect(jan).toMatchObject({
      people: 2,
      claims: 2,
      byGender: { woman: { people: 1, claims: 2 }, man: { people: 1 }, unknown: { people: 0, share: 0 } },
    });
    expect(json.byPeriod).toHaveLength(36);
    const marPolitics = json.byDesk.find(
      (c: { period: string; desk: string }) => c.period === "1901-03-01" && c.desk === "politics",
    );
    expect(marPolitics).toMatchObject({
      people: 3,
      byGender: { woman: { people: 1 }, nonbinary: { people: 1 }, unknown: { people: 1 } },
      anonymous: { sources: 1, claims: 1 },
    });
    expect(json.desks).toEqual(["metro", "politics", null].filter((d) => json.desks.includes(d)));
  });

  it("follows an editor's recorded gender (an audited source edit), and refuses gender on a non-person", async () => {
    const before = (await call(source.GET, "GET", { user: editor, id: ids.unknownPerson })).json;
    const changed = await call(source.PATCH, "PATCH", {
      user: editor,
      id: ids.unknownPerson,
      body: { version: before.version, gender: "man" },
    });
    expect(changed).toMatchObject({ status: 200, json: { gender: "man" } });
    const event = await db().auditEvent.findFirst({ where: { entityId: ids.unknownPerson }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: editor.id, before: { gender: "unknown" }, after: { gender: "man" } });
    const { json } = await call(diversity.GET, "GET", { user: editor, query: RANGE });
    expect(json.overall.byGender).toMatchObject({ man: { people: 2 }, unknown: { people: 0 } });
    const refused = await call(source.PATCH, "PATCH", {
      user: editor,
      id: ids.org,
      body: { version: 1, gender: "woman" },
    });
    expect(refused.status).toBe(400);
    const reviewerRefused = await call(source.PATCH, "PATCH", {
      user: reviewer,
      id: ids.woman,
      body: { version: 1, gender: "man" },
    });
    expect(reviewerRefused.status).toBe(403);
  });

  it("records the configured self-described attributes only, and counts them with the unrecorded ones", async () => {
    const previous = process.env.SOURCEDESK_PERSON_ATTRIBUTES;
    process.env.SOURCEDESK_PERSON_ATTRIBUTES = "ethnicity=Ethnicity";
    try {
      const current = (await call(source.GET, "GET", { user: editor, id: ids.woman2 })).json;
      const before = await databaseFingerprint();
      const unknownKey = await call(source.PATCH, "PATCH", {
        user: editor,
        id: ids.woman2,
        body: { version: current.version, attributes: { religion: "x" } },
      });
      expect(unknownKey.status).toBe(400);
      expect(await databaseFingerprint()).toEqual(before);
      const saved = await call(source.PATCH, "PATCH", {
        user: editor,
        id: ids.woman2,
        body: { version: current.version, attributes: { ethnicity: " Kurdish " } },
      });
      expect(saved).toMatchObject({ status: 200, json: { attributes: { ethnicity: "Kurdish" } } });
      const { json } = await call(diversity.GET, "GET", { user: editor, query: RANGE });
      expect(json.attributes).toEqual([
        {
          key: "ethnicity",
          label: "Ethnicity",
          values: [
            { value: null, people: 4 },
            { value: "Kurdish", people: 1 },
          ],
        },
      ]);
    } finally {
      if (previous === undefined) delete process.env.SOURCEDESK_PERSON_ATTRIBUTES;
      else process.env.SOURCEDESK_PERSON_ATTRIBUTES = previous;
    }
  });
});
