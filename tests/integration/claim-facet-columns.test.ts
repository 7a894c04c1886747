import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as attribution from "@/app/api/attributions/[id]/route";
import * as attributionRestore from "@/app/api/attributions/restore/route";
import * as attributions from "@/app/api/attributions/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claimRestore from "@/app/api/claims/restore/route";
import * as source from "@/app/api/sources/[id]/route";
import { NAMED_TYPES_MASK } from "@/lib/claims/facet-masks";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/import/write-batch";
import { importPool } from "@/lib/pg-pool";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { segmentText } from "@/lib/statements/segment-text";
import { call, compactCountsNow, makeUser, type TestUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";
import { expectTrendCountsTrue } from "./trend-counts-check";

/**
 * Claim's facet columns and Statement.sourced are kept by database triggers. These tests
 * recompute them from scratch, in JavaScript from the claims' attributions and sources, and
 * require every row in the database to agree after each kind of write that can change them.
 */
let editor: TestUser;
let gold: Awaited<ReturnType<typeof seedRafahGold>>;

beforeAll(async () => {
  editor = await makeUser("editor");
  gold = await seedRafahGold(editor);
});

const bitsOf = (values: readonly string[], present: string[]) =>
  present.reduce((m, v) => m | (1 << values.indexOf(v)), 0);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

async function expectDerivedColumnsTrue() {
  const claims = await db().claim.findMany({
    include: {
      article: { select: { publishedAt: true, createdAt: true } },
      attributions: { include: { source: true, viaSource: true } },
    },
  });
  const stored = claims.map((c) => ({
    id: c.id,
    articleDate: c.articleDate.toISOString(),
    types: c.sourceTypeMask,
    modes: c.modeMask,
    affiliations: sorted(c.affiliations),
    secondHand: c.secondHand,
    names: sorted(c.sourceNames ? c.sourceNames.split("\n") : []),
  }));
  const expected = claims.map((c) => ({
    id: c.id,
    articleDate: (c.article.publishedAt ?? c.article.createdAt).toISOString(),
    types: bitsOf(
      SOURCE_TYPES,
      c.attributions.map((a) => a.source.type),
    ),
    modes: bitsOf(
      ATTRIBUTION_MODES,
      c.attributions.map((a) => a.mode),
    ),
    affiliations: sorted(
      c.attributions.flatMap((a) => (a.source.affiliation === null ? [] : [a.source.affiliation.toLowerCase()])),
    ),
    secondHand: c.attributions.some((a) => a.viaSourceId !== null),
    names: sorted(c.attributions.flatMap((a) => [a.source.name, ...(a.viaSource ? [a.viaSource.name] : [])])),
  }));
  expect(stored).toEqual(expected);

  // Statement.sourced: overlapped by a claim that has an attribution and was not orphaned.
  const statements = await db().statement.findMany({
    select: { id: true, articleId: true, start: true, end: true, sourced: true },
  });
  const sourcing = claims.filter((c) => !c.orphaned && c.attributions.length > 0);
  const covered = (st: (typeof statements)[number]) =>
    sourcing.some((c) => c.articleId === st.articleId && c.start < st.end && c.end > st.start);
  expect(statements.filter((st) => st.sourced !== covered(st)).map((st) => st.id)).toEqual([]);
  await expectFacetCountsTrue();
}

/** ClaimFacetCount and ClaimAffiliationCount sum, per key, to the claims that have that key (before and after compaction). */
async function expectFacetCountsTrue() {
  const fromClaims = () => db().$queryRaw<{ key: string; n: number }[]>`
    SELECT concat_ws('|', date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand") AS key, CAST(count(*) AS int) AS n
    FROM "Claim" GROUP BY 1 ORDER BY 1`;
  const fromCounts = () => db().$queryRaw<{ key: string; n: number }[]>`
    SELECT concat_ws('|', month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand") AS key, CAST(sum(n) AS int) AS n
    FROM "ClaimFacetCount" GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`;
  const affiliationsFromClaims = () => db().$queryRaw<{ key: string; n: number }[]>`
    SELECT concat_ws('|', a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand") AS key, CAST(count(*) AS int) AS n
    FROM "Claim", unnest(affiliations) a GROUP BY 1 ORDER BY 1`;
  const affiliationsFromCounts = () => db().$queryRaw<{ key: string; n: number }[]>`
    SELECT concat_ws('|', affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand") AS key, CAST(sum(n) AS int) AS n
    FROM "ClaimAffiliationCount" GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`;
  await expectTrendCountsTrue();
  const expected = await fromClaims();
  const expectedAffiliations = await affiliationsFromClaims();
  expect(await fromCounts()).toEqual(expected);
  expect(await affiliationsFromCounts()).toEqual(expectedAffiliations);
  await compactCountsNow();
  expect(await fromCounts()).toEqual(expected);
  expect(await affiliationsFromCounts()).toEqual(expectedAffiliations);
  const [{ extra }] = await db().$queryRaw<{ extra: number }[]>`
    SELECT CAST(count(*) - count(DISTINCT (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand")) AS int) AS extra FROM "ClaimFacetCount"`;
  expect(extra, "compaction leaves one row per key").toBe(0);
}

async function ok(handler: Parameters<typeof call>[0], method: string, options: Parameters<typeof call>[2]) {
  const { status, json } = await call(handler, method, { user: editor, ...options });
  expect(status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

const claimOf = (goldId: string) => gold.claimIds.get(goldId)!;
const firstAttribution = (claimId: string) => db().attribution.findFirstOrThrow({ where: { claimId } });

describe("Claim facet columns (kept by triggers)", () => {
  it("number their bits in the order the database declares the enums", async () => {
    const [row] = await db().$queryRaw<{ types: string[]; modes: string[] }[]>`
      SELECT CAST(enum_range(NULL::"SourceType") AS text[]) AS types, CAST(enum_range(NULL::"AttributionMode") AS text[]) AS modes`;
    expect(row.types).toEqual([...SOURCE_TYPES]);
    expect(row.modes).toEqual([...ATTRIBUTION_MODES]);
    // Migration claim_named_sources_statistics keeps statistics on the anonymous-only test's expression.
    const [stats] = await db().$queryRaw<{ def: string }[]>`
      SELECT pg_get_statisticsobjdef(oid) AS def FROM pg_statistic_ext WHERE stxname = 'Claim_named_sources_stats'`;
    expect(stats?.def).toContain(`("sourceTypeMask" & ${NAMED_TYPES_MASK})`);
  });

  it("match the attributions after tagging an article", async () => {
    await expectDerivedColumnsTrue();
    const c4 = await db().claim.findUniqueOrThrow({ where: { id: claimOf("C4") } });
    expect(c4.secondHand).toBe(true);
    expect(c4.affiliations).toEqual(["biden administration"]);
  });

  it("follow a source's new type, name and affiliation, and a via source's new name", async () => {
    const { sourceId, viaSourceId } = await firstAttribution(claimOf("C4"));
    const s = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    await ok(source.PATCH, "PATCH", {
      id: sourceId,
      body: {
        type: "anonymous_individual",
        name: `${s.name} (renamed)`,
        affiliation: "White House",
        version: s.version,
      },
    });
    const via = await db().source.findUniqueOrThrow({ where: { id: viaSourceId! } });
    await ok(source.PATCH, "PATCH", { id: via.id, body: { name: `${via.name} Europe`, version: via.version } });
    await expectDerivedColumnsTrue();
    expect((await db().claim.findUniqueOrThrow({ where: { id: claimOf("C4") } })).sourceNames).toContain(
      `${via.name} Europe`,
    );
  });

  it("follow an attribution's new mode, source and via, its deletion and its undo", async () => {
    const a = await firstAttribution(claimOf("C1"));
    const other = await firstAttribution(claimOf("C6"));
    const { viaSourceId } = await firstAttribution(claimOf("C3"));
    const changed = await ok(attribution.PATCH, "PATCH", {
      id: a.id,
      body: { mode: "direct_quote", sourceId: other.sourceId, viaSourceId, version: a.version },
    });
    await expectDerivedColumnsTrue();
    const extra = await ok(attributions.POST, "POST", {
      body: { claimId: claimOf("C1"), sourceId: a.sourceId, mode: "paraphrase" },
    });
    await expectDerivedColumnsTrue();
    await ok(attribution.DELETE, "DELETE", { id: extra.id });
    await ok(attribution.DELETE, "DELETE", { id: changed.id });
    const unattributed = await db().claim.findUniqueOrThrow({ where: { id: claimOf("C1") } });
    expect(unattributed).toMatchObject({
      sourceTypeMask: 0,
      modeMask: 0,
      affiliations: [],
      secondHand: false,
      sourceNames: "",
    });
    await ok(attributionRestore.POST, "POST", { body: { attributionId: changed.id } });
    await expectDerivedColumnsTrue();
  });

  it("come back with a deleted claim's undo, and ignore values an insert tries to set", async () => {
    const id = claimOf("C7");
    const before = await db().claim.findUniqueOrThrow({ where: { id } });
    await ok(claim.DELETE, "DELETE", { id });
    await ok(claimRestore.POST, "POST", { body: { claimId: id } });
    const restored = await db().claim.findUniqueOrThrow({ where: { id } });
    expect(restored).toMatchObject({
      sourceTypeMask: before.sourceTypeMask,
      modeMask: before.modeMask,
      affiliations: before.affiliations,
      sourceNames: before.sourceNames,
    });

    const forged = await db().claim.create({
      data: {
        articleId: gold.article.id,
        start: 0,
        end: 5,
        text: "Over ",
        createdById: editor.id,
        sourceTypeMask: 63,
        modeMask: 7,
        secondHand: true,
        sourceNames: "x",
        articleDate: new Date(0),
      },
    });
    expect(forged).toMatchObject({ sourceTypeMask: 0, modeMask: 0, secondHand: false, sourceNames: "" });
    await expectDerivedColumnsTrue();
  });

  it("are exact after a bulk import computes them per batch (the benchmark's path), and follow later edits", async () => {
    const sources = await db().source.findMany({ take: 4, orderBy: { id: "asc" } });
    expect(sources.length).toBeGreaterThanOrEqual(3);
    const body = "First claim here. Second claim here. A third one. Unsourced tail.";
    const articleId = randomUUID();
    const claims = [0, 18, 37].map((start, i) => ({
      id: randomUUID(),
      articleId,
      start,
      end: start + (i === 2 ? 12 : 17),
      text: body.slice(start, start + (i === 2 ? 12 : 17)),
      prefix: "",
      suffix: "",
      reviewStatus: (["pending", "approved", "flagged"] as const)[i],
      createdAt: new Date(),
    }));
    const at = (claim: number, source: number, mode: string, via: number | null = null) => ({
      id: randomUUID(),
      claimId: claims[claim].id,
      sourceId: sources[source].id,
      mode,
      cueStart: null,
      cueEnd: null,
      mentionStart: null,
      mentionEnd: null,
      viaSourceId: via === null ? null : sources[via].id,
      createdAt: new Date(),
    });
    const client = await importPool().connect();
    try {
      await client.query("BEGIN");
      await writeBatch(
        client,
        {
          articles: [
            {
              id: articleId,
              title: "Bulk",
              body,
              language: "en",
              outlet: null,
              url: null,
              externalId: null,
              publishedAt: new Date("2023-02-03T00:00:00Z"),
              statements: segmentText(body),
            },
          ],
          claims,
          // Claim 2 stays unattributed: its sentence must stay unsourced.
          attributions: [at(0, 0, "direct_quote"), at(0, 1, "paraphrase", 2), at(1, 2, "partial_quote")],
        },
        { actorId: editor.id },
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    await expectDerivedColumnsTrue();
    const sourced = await db().statement.findMany({ where: { articleId }, orderBy: { ordinal: "asc" } });
    expect(sourced.map((s) => s.sourced)).toEqual([true, true, false, false]);
    // The triggers are back on after the batch: later writes keep everything exact.
    const a = await db().article.findUniqueOrThrow({ where: { id: articleId } });
    await ok(article.PATCH, "PATCH", { id: articleId, body: { publishedAt: "2025-01-31", version: a.version } });
    await ok(attributions.POST, "POST", {
      body: { claimId: claims[2].id, sourceId: sources[0].id, mode: "paraphrase" },
    });
    await ok(claim.DELETE, "DELETE", { id: claims[1].id });
    await expectDerivedColumnsTrue();
  });

  it("move with the article's publication date, and survive a re-anchoring edit of its text", async () => {
    const a = await db().article.findUniqueOrThrow({ where: { id: gold.article.id } });
    const edited = await ok(article.PATCH, "PATCH", {
      id: a.id,
      body: { publishedAt: "2024-05-07", version: a.version },
    });
    const dates = await db().claim.findMany({ where: { articleId: a.id }, select: { articleDate: true } });
    expect(new Set(dates.map((d) => d.articleDate.toISOString()))).toEqual(new Set(["2024-05-07T00:00:00.000Z"]));
    await ok(article.PATCH, "PATCH", { id: a.id, body: { body: `Update: ${a.body}`, version: edited.version } });
    await expectDerivedColumnsTrue();
  });
});
