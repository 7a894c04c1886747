import { sourceTypeMask } from "@/lib/claims/facet-masks";
import { anyBit, claimCondition } from "@/lib/claims/filter-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Gender } from "@/lib/generated/prisma/enums";
import { GENDERS } from "@/lib/sources/genders";
import { personAttributes } from "@/lib/sources/person-attributes";
import { periodStart, periodsBetween } from "./periods";
import { readAggregate } from "./read-aggregate";
import type { DiversityInput } from "./schema";
import { ANONYMOUS_MASK } from "./trend-sql";

const sql = Prisma.sql;

type ByGender = Record<Gender, { people: number; claims: number; share: number | null }>;

/** Where a cell sits: one desk in one period, all desks in one period, or everything. */
export type DiversityScope = "desk" | "period" | "overall";

export interface DiversityCell {
  scope: DiversityScope;
  period: string | null;
  /** The desk of a "desk" cell (null: articles without one). */
  desk: string | null;
  /** Distinct named people quoted, and the claims that quote one. */
  people: number;
  claims: number;
  /** Per gender, `unknown` included; share = that gender's share of the people. */
  byGender: ByGender;
  /** Anonymous sources are counted apart: they have no gender on record. */
  anonymous: { sources: number; claims: number };
}

interface Row {
  period: string | null;
  desk: string | null;
  gender: Gender | null;
  level: number;
  people: number;
  claims: number;
}

/** GROUPING(period, desk[, gender]) without its gender bit → the cell's scope. */
const SCOPES: Record<number, DiversityScope> = { 0: "desk", 1: "period", 3: "overall" };

const PERSON_MASK = sourceTypeMask(["person"]);

/**
 * Who we quote, over the claims a filter selects: distinct named people (person sources) by
 * gender per period and desk, per period over all desks, and over the whole range (people are
 * counted distinct in each cell, so totals are not sums of cells); anonymous sources apart; the
 * configured self-described attributes over the whole range. Nothing is inferred: an unrecorded
 * gender is `unknown`, and shown.
 */
export async function findDiversity(input: DiversityInput) {
  const { interval, format: _format, ...f } = input;
  const period = sql`to_char(date_trunc(${Prisma.raw(`'${interval}'`)}, c."articleDate"), 'YYYY-MM-DD')`;
  const desk = sql`ar.desk`;
  const quoted = (types: Prisma.Sql, mask: number) => sql`
    FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId"
      JOIN "Article" ar ON ar.id = c."articleId"
    WHERE ${claimCondition(f)} AND ${anyBit("sourceTypeMask", mask)} AND ${types}`;
  const attributes = personAttributes();
  const [peopleRows, anonymousRows, attributeRows] = await Promise.all([
    readAggregate<Row[]>(
      sql`
      SELECT ${period} AS period, ${desk} AS desk, CAST(s.gender AS text) AS gender,
        CAST(GROUPING(${period}, ${desk}, s.gender) AS int) AS level,
        CAST(count(DISTINCT s.id) AS int) AS people, CAST(count(DISTINCT c.id) AS int) AS claims
      ${quoted(sql`s.type = 'person'`, PERSON_MASK)}
      GROUP BY GROUPING SETS ((${period}, ${desk}, s.gender), (${period}, s.gender), (s.gender),
        (${period}, ${desk}), (${period}), ())`,
      { hashJoins: true },
    ),
    readAggregate<Row[]>(
      sql`
      SELECT ${period} AS period, ${desk} AS desk, NULL AS gender, CAST(GROUPING(${period}, ${desk}) AS int) AS level,
        CAST(count(DISTINCT s.id) AS int) AS people, CAST(count(DISTINCT c.id) AS int) AS claims
      ${quoted(sql`s.type IN ('anonymous_individual', 'anonymous_group')`, ANONYMOUS_MASK)}
      GROUP BY GROUPING SETS ((${period}, ${desk}), (${period}), ())`,
      { hashJoins: true },
    ),
    attributes.length
      ? readAggregate<{ key: string; value: string | null; people: number }[]>(
          sql`
          WITH people AS (SELECT DISTINCT s.id, s.attributes ${quoted(sql`s.type = 'person'`, PERSON_MASK)})
          SELECT k.key, nullif(btrim(people.attributes ->> k.key), '') AS value, CAST(count(*) AS int) AS people
          FROM people CROSS JOIN unnest(CAST(${attributes.map((a) => a.key)} AS text[])) AS k(key)
          GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
          { hashJoins: true },
        )
      : Promise.resolve([]),
  ]);

  const cells = new Map<string, DiversityCell>();
  const cellFor = (scope: DiversityScope, p: string | null, d: string | null) => {
    const k = `${scope}\u0000${p ?? ""}\u0000${d ?? ""}`;
    let cell = cells.get(k);
    if (!cell) {
      const byGender = Object.fromEntries(GENDERS.map((g) => [g, { people: 0, claims: 0, share: null }])) as ByGender;
      cell = { scope, period: p, desk: d, people: 0, claims: 0, byGender, anonymous: { sources: 0, claims: 0 } };
      cells.set(k, cell);
    }
    return cell;
  };
  for (const r of peopleRows) {
    const scope = SCOPES[r.level >> 1];
    const cell = cellFor(scope, r.period, scope === "desk" ? r.desk : null);
    if (r.level & 1) Object.assign(cell, { people: r.people, claims: r.claims });
    else cell.byGender[r.gender!] = { people: r.people, claims: r.claims, share: null };
  }
  for (const r of anonymousRows) {
    const scope = SCOPES[r.level];
    cellFor(scope, r.period, scope === "desk" ? r.desk : null).anonymous = { sources: r.people, claims: r.claims };
  }
  for (const cell of cells.values())
    for (const g of GENDERS) cell.byGender[g].share = cell.people ? cell.byGender[g].people / cell.people : null;

  const all = [...cells.values()];
  const seen = all.flatMap((c) => (c.period ? [c.period] : [])).sort();
  const first = f.from ? periodStart(new Date(`${f.from}T00:00:00Z`), interval) : seen[0];
  const last = f.to ? periodStart(new Date(`${f.to}T00:00:00Z`), interval) : seen.at(-1);
  const periods = first && last ? periodsBetween(first, last, interval) : [];
  const desks = [...new Set(all.filter((c) => c.scope === "desk").map((c) => c.desk))].sort(
    (a, b) => Number(a === null) - Number(b === null) || String(a).localeCompare(String(b)),
  );
  return {
    interval,
    genders: GENDERS,
    periods,
    desks,
    /** One per period over all desks (empty periods at zero), for the chart. */
    byPeriod: periods.map((p) => cellFor("period", p, null)),
    /** One per period and desk that has any quoted source. */
    byDesk: all.filter((c) => c.scope === "desk").sort((a, b) => a.period!.localeCompare(b.period!)),
    overall: cellFor("overall", null, null),
    attributes: attributes.map((a) => ({
      ...a,
      values: attributeRows.filter((r) => r.key === a.key).map(({ value, people }) => ({ value, people })),
    })),
  };
}
export type Diversity = Awaited<ReturnType<typeof findDiversity>>;
