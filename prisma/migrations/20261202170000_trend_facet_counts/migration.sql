-- CreateTable
CREATE TABLE "TrendFacetCount" (
    "id" BIGSERIAL NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT,
    "month" DATE NOT NULL,
    "sourceTypeMask" INTEGER NOT NULL,
    "modeMask" INTEGER NOT NULL,
    "reviewStatus" "ReviewStatus" NOT NULL,
    "secondHand" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "TrendFacetCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrendFacetCount_dimension_month_value_sourceTypeMask_modeMa_idx" ON "TrendFacetCount"("dimension", "month", "value", "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", "n");

-- Trend facet cells: the trends under the explorer's low-cardinality filters (source type,
-- anonymity, mode, second-hand, review status, dates) broken down by outlet, author or desk, from
-- claims counted per (dimension, value, month of the article's date, ClaimFacetCount's keys)
-- instead of from the claims (issue 17: 26 s at 100k articles). The unbroken series under such a
-- filter reads ClaimFacetCount itself, which has the same keys. Prisma's diff wrote the DDL; the
-- rest is by hand.
--
-- Who writes what, and why it stays exact:
-- - Claim statement triggers append +1 / -1 per claim whose article, source-type mask, mode mask,
--   review status or second-hand flag changed, at its article's CURRENT month and values
--   (ArticleCounts), so a claim's article date (copied onto Claim) is never read here: an
--   article's move is the article trigger's alone. Writers of anything but the review status
--   lock the article's ArticleCounts row first, as the trend counts' trigger right after does
--   (same rows, same order: no new lock). A review alone takes no new lock (reviewers lock only
--   the claim); instead the article's mover and deleter share-lock its claims before reading them.
-- - Article: a new date, outlet, author or desk moves the article's claims' cells (out of the
--   values ArticleCounts still holds, into the new ones) before Article_updated_counts updates
--   ArticleCounts (triggers fire in name order: "cells" < "counts"); a deleted article takes its
--   claims' cells out before Article_deleted_counts removes its ArticleCounts row, after which
--   the cascade's claim deletes find no row and add nothing.
-- - Bulk loads (`sourcedesk.bulk_load`) stand the triggers aside: sourcedesk_count_new_articles
--   counts the import batch's claims; a restore loads the table verbatim.
-- - sourcedesk_compact_facet_counts() folds the appended rows to one per cell.

CREATE TYPE sourcedesk_facet_delta AS (
  article_id uuid, types int, modes int, review "ReviewStatus", second_hand boolean, n int);

-- Adds claims (n per key and article) to the cells of their articles' current values. The
-- articles' rows are looked up by key (`= ANY(articles)`): joined to the deltas alone, the planner
-- hashed all of ArticleCounts for an import batch (0.2 s a batch at 100k articles, growing).
CREATE FUNCTION sourcedesk_add_trend_facet_cells(deltas sourcedesk_facet_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  articles uuid[];
BEGIN
  IF coalesce(cardinality(deltas), 0) = 0 THEN RETURN; END IF;
  articles := ARRAY(SELECT DISTINCT d.article_id FROM unnest(deltas) d);
  INSERT INTO "TrendFacetCount" (dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT dim.name, dim.value, CAST(date_trunc('month', ac.date) AS date), d.types, d.modes, d.review, d.second_hand, sum(d.n)
  FROM unnest(deltas) d
  JOIN (SELECT * FROM "ArticleCounts" WHERE "articleId" = ANY(articles)) ac ON ac."articleId" = d.article_id
  CROSS JOIN LATERAL (VALUES ('outlet', ac.outlet), ('author', ac.author), ('desk', ac.desk)) AS dim(name, value)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0;
END $$;

CREATE FUNCTION sourcedesk_claims_celled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas sourcedesk_facet_delta[];
  locks boolean := true;
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(SELECT ROW("articleId", "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", 1)::sourcedesk_facet_delta FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    deltas := ARRAY(SELECT ROW("articleId", "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -1)::sourcedesk_facet_delta FROM old_rows);
  ELSE
    deltas := ARRAY(
      SELECT ROW(x.article_id, x.types, x.modes, x.review, x.second_hand, x.n)::sourcedesk_facet_delta
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES
        (n."articleId", n."sourceTypeMask", n."modeMask", n."reviewStatus", n."secondHand", 1),
        (o."articleId", o."sourceTypeMask", o."modeMask", o."reviewStatus", o."secondHand", -1)
      ) AS x(article_id, types, modes, review, second_hand, n)
      WHERE (n."articleId", n."sourceTypeMask", n."modeMask", n."reviewStatus", n."secondHand")
        IS DISTINCT FROM (o."articleId", o."sourceTypeMask", o."modeMask", o."reviewStatus", o."secondHand"));
    locks := EXISTS (
      SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."articleId", n."sourceTypeMask", n."modeMask", n."secondHand")
        IS DISTINCT FROM (o."articleId", o."sourceTypeMask", o."modeMask", o."secondHand"));
  END IF;
  IF cardinality(deltas) = 0 THEN RETURN NULL; END IF;
  IF locks THEN
    PERFORM 1 FROM "ArticleCounts" WHERE "articleId" IN (SELECT d.article_id FROM unnest(deltas) d)
    ORDER BY "articleId" FOR UPDATE;
  END IF;
  PERFORM sourcedesk_add_trend_facet_cells(deltas);
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_inserted_cells" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_celled();
CREATE TRIGGER "Claim_updated_cells" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_celled();
CREATE TRIGGER "Claim_deleted_cells" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_celled();

-- An article's claims per key, out of the values ArticleCounts holds (k = -1) or into new ones.
CREATE FUNCTION sourcedesk_article_facet_cells(article_ids uuid[]) RETURNS TABLE (
  article_id uuid, types int, modes int, review "ReviewStatus", second_hand boolean, n int)
LANGUAGE sql STABLE AS $$
  SELECT c."articleId", c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand", CAST(count(*) AS int)
  FROM "Claim" c WHERE c."articleId" = ANY(article_ids) GROUP BY 1, 2, 3, 4, 5
$$;

CREATE FUNCTION sourcedesk_articles_moved_cells() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved uuid[];
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  moved := ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (coalesce(n."publishedAt", n."createdAt"), n.outlet, n.author, n.desk)
      IS DISTINCT FROM (coalesce(o."publishedAt", o."createdAt"), o.outlet, o.author, o.desk));
  IF cardinality(moved) = 0 THEN RETURN NULL; END IF;
  -- A review in flight commits first (its cells then sit at the old values, moved below) or waits.
  PERFORM 1 FROM "Claim" WHERE "articleId" = ANY(moved) ORDER BY id FOR SHARE;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" = ANY(moved) ORDER BY "articleId" FOR UPDATE;
  INSERT INTO "TrendFacetCount" (dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT dim.name, dim.value, dim.month, f.types, f.modes, f.review, f.second_hand, sum(dim.k * f.n)
  FROM sourcedesk_article_facet_cells(moved) f
  JOIN "ArticleCounts" ac ON ac."articleId" = f.article_id
  JOIN new_rows a ON a.id = f.article_id
  CROSS JOIN LATERAL (VALUES
    ('outlet', ac.outlet, CAST(date_trunc('month', ac.date) AS date), -1),
    ('author', ac.author, CAST(date_trunc('month', ac.date) AS date), -1),
    ('desk', ac.desk, CAST(date_trunc('month', ac.date) AS date), -1),
    ('outlet', a.outlet, CAST(date_trunc('month', coalesce(a."publishedAt", a."createdAt")) AS date), 1),
    ('author', a.author, CAST(date_trunc('month', coalesce(a."publishedAt", a."createdAt")) AS date), 1),
    ('desk', a.desk, CAST(date_trunc('month', coalesce(a."publishedAt", a."createdAt")) AS date), 1)
  ) AS dim(name, value, month, k)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(dim.k * f.n) <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_updated_cells" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_articles_moved_cells();

CREATE FUNCTION sourcedesk_article_deleted_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN OLD; END IF;
  PERFORM 1 FROM "Claim" WHERE "articleId" = OLD.id ORDER BY id FOR SHARE;
  PERFORM sourcedesk_add_trend_facet_cells(ARRAY(
    SELECT ROW(f.article_id, f.types, f.modes, f.review, f.second_hand, -f.n)::sourcedesk_facet_delta
    FROM sourcedesk_article_facet_cells(ARRAY[OLD.id]) f));
  RETURN OLD;
END $$;

CREATE TRIGGER "Article_deleted_cells" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION sourcedesk_article_deleted_cells();

-- The import's batch writer: as in trend_counts, plus the batch's claims' cells.
CREATE OR REPLACE FUNCTION sourcedesk_count_new_articles(article_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleCounts" ("articleId", date, outlet, author, desk)
  SELECT id, coalesce("publishedAt", "createdAt"), outlet, author, desk FROM "Article" WHERE id = ANY(article_ids);
  PERFORM sourcedesk_count_claim_rows(ARRAY(
    SELECT ROW(c."articleId", 1, c."sourceTypeMask", c."modeMask", c."secondHand", c."genderMask", c."sourceIds", c."sourceTypes")::sourcedesk_claim_row
    FROM "Claim" c WHERE c."articleId" = ANY(article_ids)));
  PERFORM sourcedesk_add_counts(ARRAY(
    SELECT ROW("articleId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      count(*), count(*) FILTER (WHERE NOT sourced), 0)::sourcedesk_counts
    FROM "Statement" WHERE "articleId" = ANY(article_ids) AND kind = 'sentence' GROUP BY "articleId"));
  PERFORM sourcedesk_add_trend_facet_cells(ARRAY(
    SELECT ROW(f.article_id, f.types, f.modes, f.review, f.second_hand, f.n)::sourcedesk_facet_delta
    FROM sourcedesk_article_facet_cells(article_ids) f));
END $$;

-- One row per cell (a cell summing to zero goes), like ClaimFacetCount; one caller at a time.
CREATE FUNCTION sourcedesk_compact_trend_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_compact_trend_facet_counts')) THEN RETURN; END IF;
  WITH k AS (
    SELECT dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand" FROM "TrendFacetCount"
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM "TrendFacetCount" c USING k
    WHERE c.dimension = k.dimension AND c.value IS NOT DISTINCT FROM k.value AND c.month = k.month
      AND (c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand") = (k."sourceTypeMask", k."modeMask", k."reviewStatus", k."secondHand")
    RETURNING c.*
  )
  INSERT INTO "TrendFacetCount" (dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM gone
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0;
END $$;

-- As in affiliation_totals, plus the trend facet cells.
CREATE OR REPLACE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_compact_count_cells();
  PERFORM sourcedesk_compact_affiliation_totals();
  PERFORM sourcedesk_compact_trend_facet_counts();
  PERFORM sourcedesk_fold_source_months();
END $$;

-- Backfill: every claim's cells, in one pass over the claims.
SELECT set_config('work_mem', '256MB', true);
INSERT INTO "TrendFacetCount" (dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
SELECT d.name, d.value, CAST(date_trunc('month', ac.date) AS date), c."sourceTypeMask", c."modeMask", c."reviewStatus",
  c."secondHand", count(*)
FROM "Claim" c JOIN "ArticleCounts" ac ON ac."articleId" = c."articleId"
CROSS JOIN LATERAL (VALUES ('outlet', ac.outlet), ('author', ac.author), ('desk', ac.desk)) AS d(name, value)
GROUP BY 1, 2, 3, 4, 5, 6, 7;
ANALYZE "TrendFacetCount";
