-- The explorer's newest-first page under a date range (lib/claims/claim-page-query.ts) walks each
-- month of the range newest first and merges the months' heads. By article month, then the
-- explorer's order; the filter columns are included so the walk reads no claim row. Not expressible
-- in schema.prisma (an expression), like "Article_date_id_idx".
CREATE INDEX "Claim_articleMonth_createdAt_idx" ON "Claim" ((date_trunc('month', "articleDate")), "createdAt" DESC, id DESC)
  INCLUDE ("articleDate", "articleId", "reviewStatus", "sourceTypeMask", "modeMask", "secondHand");
