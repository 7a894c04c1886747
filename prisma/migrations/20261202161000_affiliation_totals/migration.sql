-- ClaimAffiliationTotal: ClaimAffiliationCount without the month. A facet count with no date range
-- sums every month, and the monthly table holds ~110k rows at 100k articles (20 affiliations × 37
-- months × the key combinations): 70–110 ms of each undated facet request under load. Without the
-- month the same keys are ~5k rows.
CREATE TABLE "ClaimAffiliationTotal" (
    "id" BIGSERIAL NOT NULL,
    "affiliation" TEXT NOT NULL,
    "sourceTypeMask" INTEGER NOT NULL,
    "modeMask" INTEGER NOT NULL,
    "reviewStatus" "ReviewStatus" NOT NULL,
    "secondHand" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ClaimAffiliationTotal_pkey" PRIMARY KEY ("id")
);

-- Every change to the monthly table is mirrored as appended ±n rows (no shared counter row, as
-- there), whoever writes it: the claim triggers' appends, and the compaction's delete-and-insert
-- (which nets to zero and is folded right after). Under sourcedesk.bulk_load the writer sets both
-- tables itself (lib/import/write-batch.ts), and a restore loads both verbatim.
CREATE FUNCTION sourcedesk_affiliation_totals_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "ClaimAffiliationTotal" (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM added
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION sourcedesk_affiliation_totals_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "ClaimAffiliationTotal" (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -sum(n) FROM removed
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION sourcedesk_affiliation_totals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "ClaimAffiliationTotal" (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM (
    SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n FROM added
    UNION ALL
    SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -n FROM removed) d
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;

-- The backfill and the triggers in one step: no append to the monthly table can fall between them.
LOCK TABLE "ClaimAffiliationCount" IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER "ClaimAffiliationCount_totals_insert" AFTER INSERT ON "ClaimAffiliationCount"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_affiliation_totals_added();
CREATE TRIGGER "ClaimAffiliationCount_totals_delete" AFTER DELETE ON "ClaimAffiliationCount"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_affiliation_totals_removed();
CREATE TRIGGER "ClaimAffiliationCount_totals_update" AFTER UPDATE ON "ClaimAffiliationCount"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_affiliation_totals_changed();

INSERT INTO "ClaimAffiliationTotal" (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM "ClaimAffiliationCount"
GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;

-- Folded like the other count tables: one row per key, none that sums to zero.
CREATE FUNCTION sourcedesk_compact_affiliation_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Re-entrant within the session: held already when called after sourcedesk_compact_count_cells().
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_compact_facet_counts')) THEN RETURN; END IF;
  WITH k AS (
    SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand" FROM "ClaimAffiliationTotal"
    GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM "ClaimAffiliationTotal" c USING k
    WHERE (c.affiliation, c."sourceTypeMask", c."modeMask", c."reviewStatus", c."secondHand") = (k.affiliation, k."sourceTypeMask", k."modeMask", k."reviewStatus", k."secondHand")
    RETURNING c.*
  )
  INSERT INTO "ClaimAffiliationTotal" (affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT affiliation, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM gone
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_compact_count_cells();
  PERFORM sourcedesk_compact_affiliation_totals();
  PERFORM sourcedesk_fold_source_months();
END $$;
