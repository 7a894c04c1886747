-- Bulk import and facet counts at archive scale (issue 15). Prisma's diff wrote the DDL; the
-- functions, triggers and backfill are by hand.
--
-- 1. Article.externalId (unique) and an index on url: bulk import finds an article already
--    imported by its externalId, else its url.
-- 2. A bulk-load mode for writers that compute the derived columns themselves, once per batch:
--    with `SET LOCAL sourcedesk.bulk_load = 'on'` the per-row and per-statement triggers that keep
--    Claim's facet columns, Statement.sourced and the facet counts stand aside, and the writer
--    must store them right (lib/import/write-batch.ts does, in the same INSERT … SELECT; a
--    backup restore loads them verbatim from a consistent snapshot). Everyone else — the API,
--    undo, re-anchoring, workspace import, plain SQL — is unchanged: the setting is off unless a
--    transaction turns it on, and tests/integration/claim-facet-columns.test.ts recomputes the
--    columns after a bulk import as after every other write.
-- 3. ClaimFacetCount / ClaimAffiliationCount: claims counted by (month of the article's date,
--    source-type mask, mode mask, review status, second-hand) [and affiliation], kept by
--    statement-level triggers on Claim. Rows are appended (+n for new rows, -n for old ones) and
--    never updated in place, so concurrent writers share no counter row and cannot deadlock on
--    one; sourcedesk_compact_facet_counts() folds each key's rows into one.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "ClaimFacetCount" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "sourceTypeMask" INTEGER NOT NULL,
    "modeMask" INTEGER NOT NULL,
    "reviewStatus" "ReviewStatus" NOT NULL,
    "secondHand" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ClaimFacetCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimAffiliationCount" (
    "id" BIGSERIAL NOT NULL,
    "affiliation" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "sourceTypeMask" INTEGER NOT NULL,
    "modeMask" INTEGER NOT NULL,
    "reviewStatus" "ReviewStatus" NOT NULL,
    "secondHand" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ClaimAffiliationCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimFacetCount_month_sourceTypeMask_modeMask_reviewStatus__idx" ON "ClaimFacetCount"("month", "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", "n");

-- CreateIndex
CREATE INDEX "ClaimAffiliationCount_month_idx" ON "ClaimAffiliationCount"("month");

-- CreateIndex
CREATE UNIQUE INDEX "Article_externalId_key" ON "Article"("externalId");

-- CreateIndex
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- 2. Bulk-load mode ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION sourcedesk_bulk_load() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('sourcedesk.bulk_load', true), '') = 'on'
$$;

DROP TRIGGER "Claim_inserted_facets" ON "Claim";
CREATE TRIGGER "Claim_inserted_facets" BEFORE INSERT ON "Claim"
  FOR EACH ROW WHEN (NOT sourcedesk_bulk_load()) EXECUTE FUNCTION sourcedesk_claim_inserted();

CREATE OR REPLACE FUNCTION sourcedesk_attributions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM new_rows UNION SELECT "claimId" FROM old_rows));
  ELSE
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_claims_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM sourcedesk_refresh_sourced(ARRAY(
      SELECT st.id FROM new_rows n JOIN "Statement" st ON st."articleId" = n."articleId" AND st.start < n."end" AND st."end" > n.start));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM sourcedesk_refresh_sourced(ARRAY(
      SELECT st.id FROM old_rows o JOIN "Statement" st ON st."articleId" = o."articleId" AND st.start < o."end" AND st."end" > o.start));
  ELSE
    -- Only changes that can (un)source a sentence: not reviews, notes or text snapshots.
    PERFORM sourcedesk_refresh_sourced(ARRAY(
      SELECT st.id FROM (
        SELECT n."articleId", n.start, n."end" FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.start, n."end", n.orphaned, n."sourceTypeMask" <> 0) IS DISTINCT FROM (o.start, o."end", o.orphaned, o."sourceTypeMask" <> 0)
        UNION
        SELECT o."articleId", o.start, o."end" FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.start, n."end", n.orphaned, n."sourceTypeMask" <> 0) IS DISTINCT FROM (o.start, o."end", o.orphaned, o."sourceTypeMask" <> 0)
      ) span JOIN "Statement" st ON st."articleId" = span."articleId" AND st.start < span."end" AND st."end" > span.start));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_statements_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  -- Test the inserted rows as given; touch only those that are wrong (usually none).
  UPDATE "Statement" SET sourced = NOT sourced
  WHERE id IN (SELECT n.id FROM new_rows n WHERE n.sourced IS DISTINCT FROM EXISTS (SELECT 1 FROM "Claim" c
    WHERE c."articleId" = n."articleId" AND c.start < n."end" AND c."end" > n.start AND NOT c.orphaned AND c."sourceTypeMask" <> 0));
  RETURN NULL;
END $$;

-- 3. Facet counts ---------------------------------------------------------------------------

CREATE FUNCTION sourcedesk_claim_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
    FROM new_rows, unnest(affiliations) a GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -count(*)
    FROM old_rows, unnest(affiliations) a GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    -- Old rows out, new rows in; keys whose claims did not move cancel out and write nothing.
    INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT m, t, md, r, sh, sum(k) FROM (
      SELECT date_trunc('month', "articleDate")::date AS m, "sourceTypeMask" AS t, "modeMask" AS md, "reviewStatus" AS r, "secondHand" AS sh, 1 AS k FROM new_rows
      UNION ALL
      SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -1 FROM old_rows
    ) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(k) <> 0;
    INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT a, m, t, md, r, sh, sum(k) FROM (
      SELECT unnest(affiliations) AS a, date_trunc('month', "articleDate")::date AS m, "sourceTypeMask" AS t, "modeMask" AS md, "reviewStatus" AS r, "secondHand" AS sh, 1 AS k FROM new_rows
      UNION ALL
      SELECT unnest(affiliations), date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -1 FROM old_rows
    ) d GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(k) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_inserted_counts" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claim_counts_changed();
CREATE TRIGGER "Claim_updated_counts" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claim_counts_changed();
CREATE TRIGGER "Claim_deleted_counts" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claim_counts_changed();

-- Folds each key's rows into one (and drops keys that sum to zero). One compaction at a time
-- (an advisory lock; a second caller returns at once). Rows appended by transactions that have not
-- committed are invisible to the DELETE and stay as they are, so no count is lost or doubled.
CREATE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_compact_facet_counts')) THEN RETURN; END IF;
  WITH k AS (
    SELECT month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand" FROM "ClaimFacetCount"
    GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM "ClaimFacetCount" c USING k
    WHERE (c.month, c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand") = (k.month, k."sourceTypeMask", k."modeMask", k."reviewStatus", k."secondHand")
    RETURNING c.*
  )
  INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM gone
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  WITH k AS (
    SELECT affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand" FROM "ClaimAffiliationCount"
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM "ClaimAffiliationCount" c USING k
    WHERE (c.affiliation, c.month, c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand") = (k.affiliation, k.month, k."sourceTypeMask", k."modeMask", k."reviewStatus", k."secondHand")
    RETURNING c.*
  )
  INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM gone
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0;
END $$;

-- Backfill from the claims as they stand.
INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
FROM "Claim" GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
SELECT a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
FROM "Claim", unnest(affiliations) a GROUP BY 1, 2, 3, 4, 5, 6;
