import type { TrendInterval } from "./schema";

const DAY = 86_400_000;

/** The start of `date`'s month or ISO week (Monday), as PostgreSQL's date_trunc gives it, "YYYY-MM-DD". */
export function periodStart(date: Date, interval: TrendInterval): string {
  if (interval === "month") return `${date.toISOString().slice(0, 7)}-01`;
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

function nextPeriod(start: string, interval: TrendInterval): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === "week") return new Date(d.getTime() + 7 * DAY).toISOString().slice(0, 10);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every period from the first to the last, so a quiet month shows as a gap at zero, not as nothing. */
export function periodsBetween(first: string, last: string, interval: TrendInterval, max = 1000): string[] {
  const out: string[] = [];
  for (let p = first; p <= last && out.length < max; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

/** "2025-03-01" → "Mar 2025"; weeks keep their Monday's date. */
export function periodLabel(start: string, interval: TrendInterval): string {
  if (interval === "week") return `week of ${start}`;
  return new Date(`${start}T00:00:00Z`).toLocaleDateString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
