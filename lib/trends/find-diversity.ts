import { compactFacetCountsSoon } from "@/lib/claims/compact-facet-counts";
import type { ClaimFilters } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Gender } from "@/lib/generated/prisma/enums";
import { GENDERS } from "@/lib/sources/genders";
import { personAttributes } from "@/lib/sources/person-attributes";
import { statedTextSql } from "@/lib/text/stated-text-sql";
import { diversityMonthsQuery, diversityRowsOfMonths } from "./diversity-months";
import { claimDiversityQueries, countedDiversityQueries, type DiversityRow } from "./diversity-sql";
import { foldWaitingSourceMonthsSoon } from "./fold-source-months";
import { periodsOf } from "./periods";
import { type AggregateReader, readAggregates } from "./read-aggregate";
import type { DiversityInput, TrendInterval } from "./schema";
import { type SourceMonthRow, sourceMonthsCover } from "./source-months-sql";
import { trendCountsCover } from "./trend-counts-sql";

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

type Row = DiversityRow;

/** Desks by name, articles without one last. */
const deskOrder = (a: string | null, b: string | null) =>
  Number(a === null) - Number(b === null) || String(a).localeCompare(String(b));

/** GROUPING(period, desk[, gender]) without its gender bit → the cell's scope. */
const SCOPES: Record<number, DiversityScope> = { 0: "desk", 1: "period", 3: "overall" };

interface CellClaims {
  period: string | null;
  desk: string | null;
  level: number;
  person: number;
  anonymous: number;
  [gender: string]: number | string | null;
}

/**
 * The count tables' rows in the claims' shape: people and anonymous sources from the pairs, the
 * claims quoting them from the cells. A cell with no such claim is no row, as with the claims.
 */
async function countedRows(reader: AggregateReader, { f, interval }: { f: ClaimFilters; interval: TrendInterval }) {
  const q = countedDiversityQueries(f, interval);
  // Whole months: distinct sources from the source months; otherwise from the pairs.
  const sources = sourceMonthsCover({ interval, ...f })
    ? reader.read<SourceMonthRow>(diversityMonthsQuery(f)).then(diversityRowsOfMonths)
    : Promise.all([
        reader.read<Omit<Row, "claims">>(q.people, { hashJoins: true }),
        reader.read<Omit<Row, "claims" | "gender">>(q.anonymous, { hashJoins: true }),
      ]).then(([people, anonymous]) => ({ people, anonymous }));
  const [{ people, anonymous }, claims] = await Promise.all([sources, reader.read<CellClaims>(q.claims)]);
  const key = (level: number, period: string | null, desk: string | null, gender: string | null = null) =>
    `${level}\u0000${period ?? ""}\u0000${desk ?? ""}\u0000${gender ?? ""}`;
  const claimsOf = new Map<string, number>();
  for (const c of claims) {
    const desk = c.level === 0 ? c.desk : null;
    claimsOf.set(key((c.level << 1) | 1, c.period, desk), c.person);
    for (const g of GENDERS) claimsOf.set(key(c.level << 1, c.period, desk, g), c[g] as number);
    claimsOf.set(key(c.level, c.period, desk, "anonymous"), c.anonymous);
  }
  return {
    peopleRows: people.map((r) => ({ ...r, claims: claimsOf.get(key(r.level, r.period, r.desk, r.gender)) ?? 0 })),
    anonymousRows: anonymous.map((r) => ({
      ...r,
      gender: null,
      claims: claimsOf.get(key(r.level, r.period, r.desk, "anonymous")) ?? 0,
    })),
    quotedPeople: q.quotedPeople,
  };
}

async function claimRows(reader: AggregateReader, { f, interval }: { f: ClaimFilters; interval: TrendInterval }) {
  const q = claimDiversityQueries(f, interval);
  const [peopleRows, anonymousRows] = await Promise.all([
    reader.read<Row>(q.people, { hashJoins: true }),
    reader.read<Row>(q.anonymous, { hashJoins: true }),
  ]);
  return { peopleRows, anonymousRows, quotedPeople: q.quotedPeople };
}

/**
 * Who we quote, over the claims a filter selects: distinct named people (person sources) by
 * gender per period and desk, per period over all desks, and over the whole range (people are
 * counted distinct in each cell, so totals are not sums of cells); anonymous sources apart; the
 * configured self-described attributes over the whole range. Nothing is inferred: an unrecorded
 * gender is `unknown`, and shown. A date range alone is read from the count tables
 * (`countTables: false` reads the claims anyway: the tests compare the two).
 */
export async function findDiversity(input: DiversityInput, { countTables }: { countTables?: boolean } = {}) {
  const { interval, format: _format, ...f } = input;
  const attributes = personAttributes();
  // A closed range too long for one answer is refused before anything is read.
  if (f.from && f.to) periodsOf({ ...f, interval });
  const counted = (countTables ?? true) && trendCountsCover(f);
  if (counted) await foldWaitingSourceMonthsSoon();
  const { peopleRows, anonymousRows, attributeRows } = await readAggregates(async (reader) => {
    const rows = counted ? await countedRows(reader, { f, interval }) : await claimRows(reader, { f, interval });
    const attributeRows = attributes.length
      ? await reader.read<{ key: string; value: string | null; people: number }>(
          sql`
          WITH people AS (${rows.quotedPeople})
          SELECT k.key, ${statedTextSql(sql`people.attributes ->> k.key`)} AS value, CAST(count(*) AS int) AS people
          FROM people CROSS JOIN unnest(CAST(${attributes.map((a) => a.key)} AS text[])) AS k(key)
          GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
          { hashJoins: true },
        )
      : [];
    return { ...rows, attributeRows };
  });
  // The source months read waiting sources from their pairs: fold them now and then.
  if (counted) compactFacetCountsSoon();

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
  const periods = periodsOf({ ...f, interval, seen: all.flatMap((c) => (c.period ? [c.period] : [])) });
  const desks = [...new Set(all.filter((c) => c.scope === "desk").map((c) => c.desk))].sort(deskOrder);
  return {
    interval,
    genders: GENDERS,
    periods,
    desks,
    /** One per period over all desks (empty periods at zero), for the chart. */
    byPeriod: periods.map((p) => cellFor("period", p, null)),
    /** One per period and desk that has any quoted source. */
    byDesk: all
      .filter((c) => c.scope === "desk")
      .sort((a, b) => a.period!.localeCompare(b.period!) || deskOrder(a.desk, b.desk)),
    overall: cellFor("overall", null, null),
    attributes: attributes.map((a) => ({
      ...a,
      values: attributeRows.filter((r) => r.key === a.key).map(({ value, people }) => ({ value, people })),
    })),
  };
}
export type Diversity = Awaited<ReturnType<typeof findDiversity>>;
