-- Statement.sourced (issue 8): "is this sentence covered by an attributed, non-orphaned claim?"
-- was an overlap test against the article's claims for every sentence, on every unsourced list,
-- count and report (0.7 s for the archive's facet count). Kept by the triggers below in the same
-- transaction as the claim changes that decide it. Also: the claim facet refresh now locks before
-- it reads (see its comment). Written by hand apart from the ALTER TABLE.

ALTER TABLE "Statement" ADD COLUMN     "sourced" BOOLEAN NOT NULL DEFAULT false;

-- The claims are locked first, in id order, and only then read in a second statement, which
-- takes a fresh snapshot (READ COMMITTED): a source update refreshing claims that an attribution
-- writer holds waits for that writer and then sees its attribution, instead of overwriting the
-- claim with what it read before the wait. Id order keeps overlapping refreshes from deadlocking.
CREATE OR REPLACE FUNCTION sourcedesk_refresh_claim_facets(claim_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Claim" WHERE id = ANY(claim_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "Claim" c
  SET "sourceTypeMask" = f.types, "modeMask" = f.modes, "affiliations" = f.affiliations,
      "secondHand" = f.second_hand, "sourceNames" = f.names
  FROM (
    SELECT k.id,
      coalesce(agg.types, 0) AS types, coalesce(agg.modes, 0) AS modes,
      coalesce(agg.affiliations, '{}') AS affiliations, coalesce(agg.second_hand, false) AS second_hand,
      coalesce((SELECT string_agg(DISTINCT n, E'\n' ORDER BY n) FROM unnest(agg.names) AS n), '') AS names
    FROM (SELECT DISTINCT unnest(claim_ids) AS id) k
    LEFT JOIN LATERAL (
      SELECT bit_or(1 << (array_position(enum_range(NULL::"SourceType"), s.type) - 1)) AS types,
        bit_or(1 << (array_position(enum_range(NULL::"AttributionMode"), a.mode) - 1)) AS modes,
        array_agg(DISTINCT lower(s.affiliation) ORDER BY lower(s.affiliation)) FILTER (WHERE s.affiliation IS NOT NULL) AS affiliations,
        bool_or(a."viaSourceId" IS NOT NULL) AS second_hand,
        array_agg(s.name) || array_agg(v.name) FILTER (WHERE v.name IS NOT NULL) AS names
      FROM "Attribution" a
      JOIN "Source" s ON s.id = a."sourceId"
      LEFT JOIN "Source" v ON v.id = a."viaSourceId"
      WHERE a."claimId" = k.id
    ) agg ON true
  ) f
  WHERE c.id = f.id
    AND (c."sourceTypeMask", c."modeMask", c."affiliations", c."secondHand", c."sourceNames")
        IS DISTINCT FROM (f.types, f.modes, f.affiliations, f.second_hand, f.names);
END $$;

-- Whether statement st is covered by an attributed claim that still stands in the text.
CREATE FUNCTION sourcedesk_is_sourced(article_id uuid, span_start int, span_end int) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "Claim" c
    WHERE c."articleId" = article_id AND c.start < span_end AND c."end" > span_start AND NOT c.orphaned AND c."sourceTypeMask" <> 0)
$$;

-- Same lock-then-read pattern as the claim refresh: two writers changing claims over the same
-- sentence queue on it, and the second decides with the first's claims in view.
CREATE FUNCTION sourcedesk_refresh_sourced(statement_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Statement" WHERE id = ANY(statement_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "Statement" st SET sourced = NOT st.sourced
  WHERE st.id = ANY(statement_ids) AND st.sourced IS DISTINCT FROM sourcedesk_is_sourced(st."articleId", st.start, st."end");
END $$;

-- The statements a set of claim spans (article, start, end) overlaps.
CREATE FUNCTION sourcedesk_claims_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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

CREATE TRIGGER "Claim_inserted_sourced" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_changed();
CREATE TRIGGER "Claim_updated_sourced" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_changed();
CREATE TRIGGER "Claim_deleted_sourced" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_claims_changed();

-- A statement (re)created by an article edit, an import or a restore starts right.
CREATE FUNCTION sourcedesk_statement_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sourced := sourcedesk_is_sourced(NEW."articleId", NEW.start, NEW."end");
  RETURN NEW;
END $$;

CREATE TRIGGER "Statement_inserted_sourced" BEFORE INSERT ON "Statement"
  FOR EACH ROW EXECUTE FUNCTION sourcedesk_statement_inserted();

-- An article's claims by position with what sourcedesk_is_sourced tests, so each test is an
-- index-only range scan (built here, after claim_facet_columns committed its backfill).
CREATE INDEX "Claim_articleId_start_end_orphaned_sourceTypeMask_idx" ON "Claim"("articleId", "start", "end", "orphaned", "sourceTypeMask");

UPDATE "Statement" st SET sourced = true WHERE sourcedesk_is_sourced(st."articleId", st.start, st."end");
