import { beforeAll, describe, expect, it } from "vitest";
import * as diversity from "@/app/api/diversity/route";
import * as trends from "@/app/api/trends/route";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { statedText, TRIM_CHARACTERS } from "@/lib/text/stated-text";
import { statedTextSql } from "@/lib/text/stated-text-sql";
import { findTrends } from "@/lib/trends/find-trends";
import { trendsSchema } from "@/lib/trends/schema";
import { OTHER_GROUP, TREND_GROUP_LIMIT } from "@/lib/trends/trend-sql";
import { newSource, seedStory } from "./fixtures/story-seed";
import { call, makeUser, type TestUser, unique } from "./helpers";

/**
 * The trends' bounds: at most TREND_GROUP_LIMIT groups and one OTHER_GROUP bucket (counted exactly,
 * distinct sources included), a refused range past MAX_PERIODS, CSVs never cached, parallel
 * requests served from the report pool, and one definition of a blank reason in SQL and JS.
 */
const RANGE = { from: "1907-01-01", to: "1907-12-31" };
let editor: TestUser;
let aide: string;
const authors = Array.from({ length: TREND_GROUP_LIMIT + 2 }, (_, i) => `Writer ${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
  editor = await makeUser("editor");
  aide = (await newSource(editor, { type: "anonymous_individual", name: "an aide" })).id;
  const named = (await newSource(editor, { type: "person", name: unique("Named") })).id;
  // The first TREND_GROUP_LIMIT writers have two claims each; the last two one each, both quoting
  // the same anonymous source with no stated reason; one story has no author.
  for (const [i, author] of authors.entries()) {
    const folded = i >= TREND_GROUP_LIMIT;
    await seedStory(editor, {
      title: unique(author),
      publishedAt: `1907-0${1 + (i % 9)}-15`,
      author,
      claims: folded ? [{ sources: [aide] }] : [{ sources: [named] }, { sources: [named] }],
    });
  }
  await seedStory(editor, { title: unique("no author"), publishedAt: "1907-06-01", claims: [{ sources: [aide] }] });
});

describe("GET /api/trends bounds", () => {
  it("lists the busiest groups and folds the rest into one bucket, counted exactly on both paths", async () => {
    const { json, status } = await call(trends.GET, "GET", { user: editor, query: { ...RANGE, by: "author" } });
    expect(status).toBe(200);
    expect(json.groups).toEqual([...authors.slice(0, TREND_GROUP_LIMIT), OTHER_GROUP, null]);
    expect(json.otherGroups).toBe(2);
    const other = json.totals.groups.find((g: { group: string | null }) => g.group === OTHER_GROUP);
    // Two claims, one distinct source: the bucket counts the source once, not once per writer.
    expect(other).toMatchObject({ claims: 2, attributed: 2, anonymousWithoutReason: 1 });
    expect(json.series).toHaveLength((TREND_GROUP_LIMIT + 2) * 12);
    const input = trendsSchema.parse({ ...RANGE, by: "author" });
    expect(await findTrends(input)).toEqual(await findTrends(input, { countTables: false }));
  });

  it("refuses a range of more than 1000 periods with 400 and the error shape", async () => {
    for (const handler of [trends.GET, diversity.GET]) {
      const refused = await call(handler, "GET", {
        user: editor,
        query: { from: "1901-01-01", to: "1925-01-01", interval: "week" },
      });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: "validation_error", issues: [{ path: ["from"] }] });
    }
  });

  it("sends its CSVs with Cache-Control: no-store", async () => {
    for (const handler of [trends.GET, diversity.GET]) {
      const url = new URL("http://localhost/api/x");
      for (const [k, v] of Object.entries({ ...RANGE, format: "csv" })) url.searchParams.set(k, v);
      const response = await handler(new Request(url, { headers: { authorization: `Bearer ${editor.token}` } }), {
        params: Promise.resolve({}),
      } as never);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("answers many parallel requests (one snapshot each on the report pool), none a 500", async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(i % 2 ? trends.GET : diversity.GET, "GET", { user: editor, query: { ...RANGE, interval: "week" } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });
});

describe("a stated reason", () => {
  it("is blank in SQL exactly when it is blank in JavaScript", async () => {
    const samples = [
      null,
      "",
      TRIM_CHARACTERS,
      ...[...TRIM_CHARACTERS].map((c) => `${c}${c}`),
      `${TRIM_CHARACTERS}not authorised${TRIM_CHARACTERS}`,
      "\u200b", // a zero-width space is not whitespace to trim(): it stays a (strange) reason
    ];
    for (const sample of samples) {
      const [row] = await db().$queryRaw<{ v: string | null }[]>(
        Prisma.sql`SELECT ${statedTextSql(Prisma.sql`CAST(${sample} AS text)`)} AS v`,
      );
      expect(row.v, JSON.stringify(sample)).toBe(statedText(sample));
    }
  });
});
