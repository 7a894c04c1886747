// The explorer's SQL as the app builds it, for running straight through node-postgres.
import { claimCondition } from "@/lib/claims/filter-sql";
import { claimPageQuery } from "@/lib/claims/find-claims";
import { CLAIM_ORDERINGS } from "@/lib/claims/orderings";
import type { ClaimFilters, FindClaimsInput } from "@/lib/claims/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { keyColumns, orderByClause } from "@/lib/keyset";

const sql = Prisma.sql;

/** The page query of GET /api/claims; with `offset`, the one row at that depth (to make a deep cursor). */
export function claimQuery(input: FindClaimsInput, offset?: number): Prisma.Sql {
  if (offset === undefined) return claimPageQuery(input);
  const ordering = CLAIM_ORDERINGS[input.sort];
  return sql`SELECT c.id, ${keyColumns(ordering)} FROM "Claim" c
    WHERE ${claimCondition(input)} ORDER BY ${orderByClause(ordering)} OFFSET ${offset - 1} LIMIT 1`;
}

export const countQuery = (f: ClaimFilters) => sql`
  SELECT CAST(count(*) AS int) AS n FROM "Claim" c WHERE ${claimCondition(f)}`;
