import type { Tx } from "@/lib/db";

/**
 * Locks a claim before its attributions change. The facet triggers rewrite the claim row whenever
 * one of its attributions is written; without this lock taken first, an attribution writer would
 * hold the attribution and then wait for the claim, while a claim deletion holds the claim and
 * waits for its attributions: a deadlock. Every writer now locks Article → Claim → Attribution.
 */
export async function lockClaimForAttributions(tx: Tx, claimId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE id = ${claimId}::uuid FOR NO KEY UPDATE`;
}
