-- The explorer's unfiltered articles facet ranks every article by its claims, exactly, from
-- ArticleCounts (lib/claims/article-facet.ts): with this index the top 15 are the index's first
-- entries instead of a pass over every article's row (~80 ms at 100k articles under load).
CREATE INDEX "ArticleCounts_claims_articleId_idx" ON "ArticleCounts" (claims DESC, "articleId");
