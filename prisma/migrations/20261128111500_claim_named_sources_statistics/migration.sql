-- The explorer's "anonymous only" test is ("sourceTypeMask" & 15) = 0 (15: the named source types'
-- bits, lib/claims/facet-masks.ts NAMED_TYPES_MASK). Without statistics on that expression the
-- planner guessed 0.5% of claims match (actually ~40%), so "anonymous + affiliation" fetched and
-- sorted every claim of the affiliation (30–40 ms at 200k claims) instead of walking the newest
-- claims and stopping at 50 (~5 ms).
CREATE STATISTICS "Claim_named_sources_stats" ON (("sourceTypeMask" & 15)) FROM "Claim";
ANALYZE "Claim";
