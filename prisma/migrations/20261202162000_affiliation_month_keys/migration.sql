-- A dated facet count reads ClaimAffiliationCount's whole months of the range (the days at its
-- edges come from the claims). The rows are scattered over the heap by the compactions' churn
-- (~4 a page at 100k articles: 3,039 pages for 12k rows of four months), so the month index alone
-- cost ~29 ms of heap reads; covering the keys and n, like ClaimFacetCount's index, the same months
-- are an index-only scan (3 ms). It replaces the month index, whose column it leads with.
CREATE INDEX "ClaimAffiliationCount_month_keys_idx" ON "ClaimAffiliationCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", affiliation, n);
DROP INDEX "ClaimAffiliationCount_month_idx";
