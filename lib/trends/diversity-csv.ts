import { GENDERS } from "@/lib/sources/genders";
import type { Diversity, DiversityCell } from "./find-diversity";
import { toCsv } from "./trends-csv";

/** One row per period over all desks, then per period and desk: people by gender (unknown included), anonymous apart. */
export function diversityCsv(d: Diversity): string {
  const header = [
    "scope",
    "period",
    "desk",
    "people",
    "claims",
    ...GENDERS.flatMap((g) => [`people_${g}`, `share_${g}`, `claims_${g}`]),
    "anonymous_sources",
    "anonymous_claims",
  ];
  const row = (c: DiversityCell) => [
    c.scope,
    c.period,
    c.desk,
    c.people,
    c.claims,
    ...GENDERS.flatMap((g) => {
      const v = c.byGender[g];
      return [v.people, v.share === null ? null : Number(v.share.toFixed(6)), v.claims];
    }),
    c.anonymous.sources,
    c.anonymous.claims,
  ];
  return toCsv(header, [...d.byPeriod, ...d.byDesk, d.overall].map(row));
}
