import { invalid } from "@/lib/errors";
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

/** The most periods one answer holds (1000 weeks is 19 years): past it a request is refused (400). */
export const MAX_PERIODS = 1000;

/** Every period from the first to the last, so a quiet month shows as a gap at zero, not as nothing. */
export function periodsBetween({ first, last, interval }: { first: string; last: string; interval: TrendInterval }) {
  const out: string[] = [];
  for (let p = first; p <= last; p = nextPeriod(p, interval)) {
    if (out.length === MAX_PERIODS)
      throw invalid(
        ["from"],
        `The range holds more than ${MAX_PERIODS} ${interval}s: narrow it with from and to${interval === "week" ? ", or count by month" : ""}`,
      );
    out.push(p);
  }
  return out;
}

/**
 * The periods an answer covers: from `from` to `to` where given, else from the first to the last
 * period with data (`seen`, in any order). Called before the reads with a closed range, so a range
 * too long is refused before any query runs.
 */
export function periodsOf(options: { from?: string; to?: string; interval: TrendInterval; seen?: string[] }) {
  const { interval } = options;
  const seen = [...(options.seen ?? [])].sort();
  const first = options.from ? periodStart(new Date(`${options.from}T00:00:00Z`), interval) : seen[0];
  const last = options.to ? periodStart(new Date(`${options.to}T00:00:00Z`), interval) : seen.at(-1);
  return first && last ? periodsBetween({ first, last, interval }) : [];
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
