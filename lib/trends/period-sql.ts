import { Prisma } from "@/lib/generated/prisma/client";
import type { TrendInterval } from "./schema";

/** The start of a date's period: its month's first day, or its ISO week's Monday (as periodStart in JS). */
export const periodStartSql = (interval: TrendInterval, date: Prisma.Sql) =>
  Prisma.sql`date_trunc(${Prisma.raw(`'${interval}'`)}, ${date})`;

/** A period start as the answer spells it, "YYYY-MM-DD". */
export const periodText = (start: Prisma.Sql) => Prisma.sql`to_char(${start}, 'YYYY-MM-DD')`;

/** A date's period as "YYYY-MM-DD": the one bucket expression of the trends and diversity. */
export const bucket = (interval: TrendInterval, date: Prisma.Sql) => periodText(periodStartSql(interval, date));
