import { expect } from "vitest";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { GENDERS } from "@/lib/sources/genders";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import { statedText } from "@/lib/text/stated-text";
import { counterColumn } from "@/lib/trends/count-columns";
import { compactCountsNow } from "./helpers";
import { expectSourceMonthsTrue } from "./source-months-check";
import { expectTrendFacetCellsTrue } from "./trend-facet-cells-check";

/**
 * The trend counts (migration trend_counts) recomputed in JavaScript from the rows themselves —
 * articles, statements, claims, attributions, sources — and compared with every stored row:
 * Claim.sourceIds / sourceTypes / genderMask, ArticleCounts, ArticleSourceCount, and TrendCount
 * summed per cell (before and after compaction, which must leave one row per cell), the trend
 * facet cells likewise (TrendFacetCount), and the source months the compaction folds (SourceMonths,
 * SourceMonthLink).
 */
export async function expectTrendCountsTrue() {
  const articles = await db().article.findMany({
    select: {
      id: true,
      publishedAt: true,
      createdAt: true,
      outlet: true,
      author: true,
      desk: true,
      statements: { select: { kind: true, sourced: true } },
      claims: {
        select: {
          id: true,
          sourceIds: true,
          sourceTypes: true,
          genderMask: true,
          attributions: { select: { mode: true, viaSourceId: true, source: true } },
        },
      },
    },
  });
  const storedClaims: unknown[] = [];
  const expectedClaims: unknown[] = [];
  const expectedArticles: Record<string, unknown>[] = [];
  const expectedPairs: string[] = [];
  for (const a of articles) {
    const counts: Record<string, number> = {};
    const add = (name: string, yes: boolean) => {
      counts[name] = (counts[name] ?? 0) + (yes ? 1 : 0);
    };
    const pairClaims = new Map<string, number>();
    const quoted = new Map<string, { type: string; anonymityReason: string | null }>();
    for (const c of a.claims) {
      const sources = [...new Map(c.attributions.map((x) => [x.source.id, x.source])).values()].sort((p, q) =>
        p.id < q.id ? -1 : 1,
      );
      const genders = sources.filter((s) => s.type === "person").map((s) => s.gender);
      storedClaims.push({ id: c.id, ids: c.sourceIds, types: c.sourceTypes, genders: c.genderMask });
      expectedClaims.push({
        id: c.id,
        ids: sources.map((s) => s.id),
        types: sources.map((s) => s.type),
        genders: genders.reduce((m, g) => m | (1 << GENDERS.indexOf(g)), 0),
      });
      const types = new Set(sources.map((s) => s.type));
      const anonymous = [...types].filter((t) => t.startsWith("anonymous")).length;
      add("claims", true);
      add("attributed", types.size > 0);
      add("anonymousOnly", types.size > 0 && anonymous === types.size);
      add("anonymousAny", anonymous > 0);
      add(
        "secondHand",
        c.attributions.some((x) => x.viaSourceId !== null),
      );
      for (const t of SOURCE_TYPES) add(counterColumn("type", t), types.has(t));
      for (const m of ATTRIBUTION_MODES)
        add(
          counterColumn("mode", m),
          c.attributions.some((x) => x.mode === m),
        );
      for (const g of GENDERS) add(counterColumn("gender", g), genders.includes(g));
      for (const s of sources) quoted.set(s.id, s);
      for (const s of sources) pairClaims.set(`${s.id}|${s.type}`, (pairClaims.get(`${s.id}|${s.type}`) ?? 0) + 1);
    }
    const sentences = a.statements.filter((s) => s.kind === "sentence");
    const date = (a.publishedAt ?? a.createdAt).toISOString();
    expectedArticles.push({
      articleId: a.id,
      date,
      outlet: a.outlet,
      author: a.author,
      desk: a.desk,
      ...Object.fromEntries(COUNTERS.map((k) => [k, counts[k] ?? 0])),
      sentences: sentences.length,
      unsourced: sentences.filter((s) => !s.sourced).length,
      sources: pairClaims.size,
      missingReason: [...quoted.values()].filter(
        (s) => s.type.startsWith("anonymous") && statedText(s.anonymityReason) === null,
      ).length,
    });
    for (const [pair, n] of pairClaims)
      expectedPairs.push(`${a.id}|${pair}|${date}|${a.outlet}|${a.author}|${a.desk}|${n}`);
  }
  expect(storedClaims).toEqual(expectedClaims);

  const stored = await db().articleCounts.findMany();
  const byId = (rows: Record<string, unknown>[]) =>
    [...rows].sort((p, q) => String(p.articleId).localeCompare(String(q.articleId)));
  expect(byId(stored.map((r) => ({ ...r, date: r.date.toISOString() })))).toEqual(byId(expectedArticles));

  const pairs = await db().articleSourceCount.findMany();
  expect(
    pairs
      .map(
        (p) =>
          `${p.articleId}|${p.sourceId}|${p.sourceType}|${p.date.toISOString()}|${p.outlet}|${p.author}|${p.desk}|${p.claims}`,
      )
      .sort(),
  ).toEqual(expectedPairs.sort());

  const expectedCells = cellsOf(expectedArticles);
  expect(await storedCells()).toEqual(expectedCells);
  await expectTrendFacetCellsTrue();
  await compactCountsNow();
  expect(await storedCells()).toEqual(expectedCells);
  await expectTrendFacetCellsTrue({ compacted: true });
  const [{ extra }] = await db().$queryRaw<{ extra: number }[]>`
    SELECT CAST(count(*) - count(DISTINCT (dimension, coalesce(value, E'\\u0001'), day)) AS int) AS extra FROM "TrendCount"`;
  expect(extra, "compaction leaves one row per cell").toBe(0);
  await expectSourceMonthsTrue();
}

const COUNTERS = [
  "claims",
  "attributed",
  "anonymousOnly",
  "anonymousAny",
  "secondHand",
  ...SOURCE_TYPES.map((t) => counterColumn("type", t)),
  ...ATTRIBUTION_MODES.map((m) => counterColumn("mode", m)),
  ...GENDERS.map((g) => counterColumn("gender", g)),
];
const CELL_COUNTERS = [...COUNTERS, "sentences", "unsourced"];

/** Per (dimension, value, day): the counters summed, cells summing to nothing left out. */
function cellsOf(rows: Record<string, unknown>[]): Record<string, string> {
  const cells: Record<string, number[]> = {};
  for (const r of rows) {
    const day = String(r.date).slice(0, 10);
    for (const [dimension, value] of [
      ["", null],
      ["outlet", r.outlet],
      ["author", r.author],
      ["desk", r.desk],
    ]) {
      const key = `${dimension}|${value ?? "∅"}|${day}`;
      cells[key] ??= CELL_COUNTERS.map(() => 0);
      CELL_COUNTERS.forEach((c, i) => {
        cells[key][i] += Number(r[c]);
      });
    }
  }
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([, v]) => v.some((n) => n !== 0))
      .sort(([p], [q]) => p.localeCompare(q))
      .map(([k, v]) => [k, v.join(",")]),
  );
}

async function storedCells(): Promise<Record<string, string>> {
  const rows = await db().trendCount.findMany();
  const cells: Record<string, number[]> = {};
  for (const r of rows) {
    const key = `${r.dimension}|${r.value ?? "∅"}|${r.day.toISOString().slice(0, 10)}`;
    cells[key] ??= CELL_COUNTERS.map(() => 0);
    CELL_COUNTERS.forEach((c, i) => {
      cells[key][i] += Number((r as unknown as Record<string, number>)[c]);
    });
  }
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([, v]) => v.some((n) => n !== 0))
      .sort(([p], [q]) => p.localeCompare(q))
      .map(([k, v]) => [k, v.join(",")]),
  );
}
