import { Prisma } from "@/lib/generated/prisma/client";
import { TRIM_CHARACTERS } from "./stated-text";

/** statedText() in SQL: the trimmed text, or NULL. (PostgreSQL's btrim alone strips only spaces.) */
export const statedTextSql = (expression: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`nullif(btrim(${expression}, ${TRIM_CHARACTERS}), '')`;
