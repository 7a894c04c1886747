-- Hand-written: expression indexes Prisma's schema cannot express (keep them out of later diffs).

-- The explorer's "article" sort, the reports' order and the from/to filters all use the date a
-- reviewer means, publication else creation (lib/claims/filter-sql.ts ARTICLE_DATE): walk it in order.
CREATE INDEX "Article_date_id_idx" ON "Article" ((coalesce("publishedAt", "createdAt")) DESC, "id" DESC);

-- Affiliation filters compare case-insensitively (lower(s.affiliation) = ANY(…)).
CREATE INDEX "Source_affiliation_lower_idx" ON "Source" (lower("affiliation"));
