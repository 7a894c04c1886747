import { expect } from "vitest";
import { db } from "@/lib/db";
import { statedText } from "@/lib/text/stated-text";

interface QuotedSource {
  id: string;
  type: string;
  anonymityReason: string | null;
  identityKnownToNewsroom: boolean | null;
  gender: string;
}

/** What a source counts as (sourcedesk_source_kinds), written again from its definition. */
function kindsOf(s: QuotedSource): string[] {
  if (s.type.startsWith("anonymous"))
    return [
      "anonymous",
      ...(statedText(s.anonymityReason) === null ? ["missing"] : []),
      ...(s.identityKnownToNewsroom === null ? ["unrecorded"] : []),
    ];
  return s.type === "person" ? ["person", `gender:${s.gender}`] : [];
}

/**
 * The source months (migration source_months) recomputed from the rows — every claim's sources
 * (vias left out), their articles' month, outlet and desk — and compared with SourceMonths and
 * SourceMonthLink after a fold: each counted source's cells and kinds, and per kind, dimension,
 * value and month the sources whose previous month there was each earlier month (or none).
 */
export async function expectSourceMonthsTrue() {
  // Waits for a fold a reader may have started (the function itself turns a second caller away).
  await db().$transaction([
    db().$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sourcedesk_fold_source_months'))`,
    db().$executeRaw`SELECT sourcedesk_fold_source_months()`,
  ]);
  const [{ waiting }] = await db().$queryRaw<{ waiting: number }[]>`
    SELECT CAST(count(*) AS int) AS waiting FROM "SourceMonthChange"`;
  expect(waiting, "the fold takes every marked source").toBe(0);

  const claims = await db().claim.findMany({
    select: {
      article: { select: { publishedAt: true, createdAt: true, outlet: true, desk: true } },
      attributions: { select: { source: true } },
    },
  });
  const sources = new Map<string, { source: QuotedSource; cells: Set<string> }>();
  for (const c of claims) {
    const month = `${(c.article.publishedAt ?? c.article.createdAt).toISOString().slice(0, 7)}-01`;
    for (const { source } of c.attributions) {
      if (kindsOf(source).length === 0) continue;
      const entry = sources.get(source.id) ?? { source, cells: new Set<string>() };
      sources.set(source.id, entry);
      for (const [dimension, value] of [
        ["", null],
        ["outlet", c.article.outlet],
        ["desk", c.article.desk],
      ])
        entry.cells.add(JSON.stringify([dimension, value, month]));
    }
  }

  const expectedMonths: Record<string, { kinds: string[]; cells: string[] }> = {};
  const expectedLinks: Record<string, number> = {};
  for (const [id, { source, cells }] of sources) {
    const sorted = [...cells].sort();
    expectedMonths[id] = { kinds: kindsOf(source), cells: sorted };
    const previous = new Map<string, string>();
    for (const cell of sorted) {
      const [dimension, value, month] = JSON.parse(cell) as [string, string | null, string];
      const place = JSON.stringify([dimension, value]);
      for (const kind of kindsOf(source)) {
        const key = JSON.stringify([kind, dimension, value, month, previous.get(place) ?? null]);
        expectedLinks[key] = (expectedLinks[key] ?? 0) + 1;
      }
      previous.set(place, month);
    }
  }

  // Raw: the client reads no NULL inside a text[] ("no outlet").
  const stored = await db().$queryRaw<
    { sourceId: string; kinds: string[]; dimensions: string[]; values: (string | null)[]; months: string[] }[]
  >`SELECT CAST("sourceId" AS text) AS "sourceId", kinds, dimensions, "values", CAST(months AS text[]) AS months
    FROM "SourceMonths"`;
  const storedMonths: Record<string, { kinds: string[]; cells: string[] }> = {};
  for (const m of stored) {
    if (m.months.length === 0) continue;
    storedMonths[m.sourceId] = {
      kinds: m.kinds,
      cells: m.months.map((month, i) => JSON.stringify([m.dimensions[i], m.values[i], month])).sort(),
    };
  }
  expect(storedMonths).toEqual(expectedMonths);

  const links = await db().sourceMonthLink.findMany();
  const storedLinks: Record<string, number> = {};
  for (const l of links) {
    const key = JSON.stringify([
      l.kind,
      l.dimension,
      l.value,
      l.month.toISOString().slice(0, 10),
      l.previous?.toISOString().slice(0, 10) ?? null,
    ]);
    expect(storedLinks[key], `one link row per key: ${key}`).toBeUndefined();
    storedLinks[key] = l.n;
  }
  expect(storedLinks).toEqual(expectedLinks);

  // The no-reason articles per day, from their counts (themselves checked against the rows).
  const days = await db().$queryRaw<{ day: string; stored: number; expected: number }[]>`
    SELECT coalesce(s.day, e.day) AS day, s.n AS stored, e.n AS expected FROM
      (SELECT to_char(day, 'YYYY-MM-DD') AS day, CAST(sum(n) AS int) AS n, count(*) AS rows FROM "MissingReasonCount" GROUP BY 1) s
      FULL JOIN (SELECT to_char(date, 'YYYY-MM-DD') AS day, CAST(count(*) AS int) AS n FROM "ArticleCounts"
                 WHERE "missingReason" > 0 GROUP BY 1) e ON e.day = s.day
    WHERE s.n IS DISTINCT FROM e.n OR s.rows > 1`;
  expect(days, "one row per day after the fold, each the day's no-reason articles").toEqual([]);
}
