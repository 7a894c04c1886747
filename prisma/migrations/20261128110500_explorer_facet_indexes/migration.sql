-- The indexes over the columns claim_facet_columns and statement_sourced_flag added, built in their
-- own transaction once those backfills have committed: built in the same transaction, an index also
-- holds every row version the backfill superseded (3× its size, and the planner then preferred a
-- sequential scan of Claim to the covering index until a REINDEX).

-- The explorer's two walks (newest/oldest claims; stories by date) carry every fixed-size facet
-- column, so filtering while walking and counting facets are index-only scans (see schema.prisma).
CREATE INDEX "Claim_createdAt_facets_idx" ON "Claim"("createdAt" DESC, "id" DESC, "articleDate", "articleId", "reviewStatus", "sourceTypeMask", "modeMask", "secondHand");
CREATE INDEX "Claim_articleDate_facets_idx" ON "Claim"("articleDate" DESC, "articleId" DESC, "start", "id", "createdAt", "reviewStatus", "sourceTypeMask", "modeMask", "secondHand");
CREATE INDEX "Claim_affiliations_idx" ON "Claim" USING GIN ("affiliations");
CREATE INDEX "Claim_sourceNames_trgm_idx" ON "Claim" USING GIN ("sourceNames" gin_trgm_ops);

-- The unsourced sentences, in article order (partial: Prisma's diff leaves it alone).
CREATE INDEX "Statement_unsourced_idx" ON "Statement" ("articleId", ordinal) WHERE kind = 'sentence' AND NOT sourced;
