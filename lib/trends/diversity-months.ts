import type { Gender } from "@/lib/generated/prisma/enums";
import { GENDERS } from "@/lib/sources/genders";
import type { DiversityRow } from "./diversity-sql";
import { type SourceKind, type SourceMonthRow, sourceMonthCountsQuery } from "./source-months-sql";

/**
 * "Who we quote" from the source months (migration source_months) instead of the pairs: the same
 * rows as countedDiversityQueries' people and anonymous queries, whose `level` is GROUPING(period,
 * desk[, gender]). The months are kept overall ("") and per desk, so a desk's cell is a month of
 * dimension "desk", a period's a month of "", and the range's the range total of "".
 */
const PEOPLE_KINDS: SourceKind[] = ["person", ...GENDERS.map((g) => `gender:${g}` as const)];

export function diversityMonthsQuery(f: { from?: string; to?: string }) {
  return sourceMonthCountsQuery({ sets: [{ kinds: [...PEOPLE_KINDS, "anonymous"], dimensions: ["desk", ""] }], ...f });
}

type PeopleRow = Omit<DiversityRow, "claims">;
type AnonymousRow = Omit<DiversityRow, "claims" | "gender">;

export function diversityRowsOfMonths(rows: SourceMonthRow[]): { people: PeopleRow[]; anonymous: AnonymousRow[] } {
  const people: PeopleRow[] = [];
  const anonymous: AnonymousRow[] = [];
  for (const r of rows) {
    const byDesk = r.dimension === "desk";
    // A desk's range total is no cell of the answer.
    if (byDesk && !r.month) continue;
    // GROUPING bits: period 2 (4 with gender), desk 1 (2 with gender), gender 1.
    const scope = byDesk ? 0 : r.month ? 1 : 3;
    const desk = byDesk ? r.value : null;
    if (r.kind === "anonymous") anonymous.push({ period: r.month, desk, level: scope, people: r.sources });
    else {
      const gender = r.kind === "person" ? null : (r.kind.slice("gender:".length) as Gender);
      people.push({ period: r.month, desk, gender, level: (scope << 1) | (gender ? 0 : 1), people: r.sources });
    }
  }
  return { people, anonymous };
}
