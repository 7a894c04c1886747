-- The explorer's unsourced-sentence count without reading every unsourced sentence (issue 15):
-- per article, how many of its sentences no attributed claim covers, kept by statement-level
-- triggers on Statement (inserts, deletes, and the Statement.sourced updates that the claim
-- triggers make) as appended ±n rows, like ClaimFacetCount. Bulk loads
-- (`sourcedesk.bulk_load`) write their own rows (lib/import/write-batch.ts). The DDL is Prisma's;
-- the functions, triggers and backfill are by hand.

-- CreateTable
CREATE TABLE "StatementUnsourcedCount" (
    "id" BIGSERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "StatementUnsourcedCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatementUnsourcedCount_articleId_n_idx" ON "StatementUnsourcedCount"("articleId", "n");

CREATE FUNCTION sourcedesk_statements_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "StatementUnsourcedCount" ("articleId", n)
    SELECT "articleId", count(*) FROM new_rows WHERE kind = 'sentence' AND NOT sourced GROUP BY 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "StatementUnsourcedCount" ("articleId", n)
    SELECT "articleId", -count(*) FROM old_rows WHERE kind = 'sentence' AND NOT sourced GROUP BY 1;
  ELSE
    INSERT INTO "StatementUnsourcedCount" ("articleId", n)
    SELECT a, sum(k) FROM (
      SELECT "articleId" AS a, 1 AS k FROM new_rows WHERE kind = 'sentence' AND NOT sourced
      UNION ALL
      SELECT "articleId", -1 FROM old_rows WHERE kind = 'sentence' AND NOT sourced
    ) d GROUP BY 1 HAVING sum(k) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Statement_inserted_counts" AFTER INSERT ON "Statement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_statements_counted();
CREATE TRIGGER "Statement_updated_counts" AFTER UPDATE ON "Statement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_statements_counted();
CREATE TRIGGER "Statement_deleted_counts" AFTER DELETE ON "Statement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_statements_counted();

-- The compaction folds these too (one row per article; articles at zero disappear).
CREATE OR REPLACE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
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
  WITH k AS (
    SELECT "articleId" FROM "StatementUnsourcedCount" GROUP BY 1 HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM "StatementUnsourcedCount" c USING k WHERE c."articleId" = k."articleId" RETURNING c.*
  )
  INSERT INTO "StatementUnsourcedCount" ("articleId", n)
  SELECT "articleId", sum(n) FROM gone GROUP BY 1 HAVING sum(n) <> 0;
END $$;

INSERT INTO "StatementUnsourcedCount" ("articleId", n)
SELECT "articleId", count(*) FROM "Statement" WHERE kind = 'sentence' AND NOT sourced GROUP BY 1;
