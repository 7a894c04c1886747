import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The counter columns of ArticleCounts and TrendCount (migration trend_counts) named after enum
 * values: "typeMediaOutlet", "modeDirectQuote", "genderWoman".
 */
export function counterColumn(prefix: "type" | "mode" | "gender", value: string): string {
  return prefix + value.replace(/(^|_)([a-z])/g, (_, _sep, c: string) => c.toUpperCase());
}

/** `table."column"` as raw SQL, for a column name built from validated enum values. */
export const column = (table: string, name: string) => Prisma.raw(`${table}."${name}"`);
