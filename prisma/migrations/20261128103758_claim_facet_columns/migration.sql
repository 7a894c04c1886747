-- Per-claim facet columns (issue 8). What the explorer filters and counts claims by is copied onto
-- the claim, so each filter tests one row and the facet counts read one index, instead of joining
-- Claim × Attribution × Source (seconds at 200k claims). The triggers below keep the copies in the
-- same transaction as every write that changes them (the API, imports, restores, undo, any SQL
-- client), so they cannot drift; the app never writes them.
--
-- Type and mode sets are bitmasks: bit i is the i-th value of the enum in its declared order
-- (enum_range), which lib/claims/facet-masks.ts mirrors (a test compares the two). Adding an enum
-- value anywhere but at the end must recompute them (SELECT sourcedesk_refresh_claim_facets(…)).
-- Prisma's diff wrote the DDL (columns, indexes); the functions, triggers and backfill are by hand.

ALTER TABLE "Claim" ADD COLUMN     "affiliations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "articleDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modeMask" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "secondHand" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sourceNames" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceTypeMask" INTEGER NOT NULL DEFAULT 0;

-- Recomputes the attribution-derived columns of the given claims. The claims are locked first, in
-- id order, so two writers refreshing overlapping sets (two sources shared by the same claims)
-- queue instead of deadlocking. Rows already right are left untouched (no dead tuples, no index
-- churn), and affiliations and names are distinct and sorted, so equal facts give byte-identical
-- rows (backups and exports compare them).
CREATE FUNCTION sourcedesk_refresh_claim_facets(claim_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  WITH locked AS (SELECT id FROM "Claim" WHERE id = ANY(claim_ids) ORDER BY id FOR NO KEY UPDATE)
  UPDATE "Claim" c
  SET "sourceTypeMask" = f.types, "modeMask" = f.modes, "affiliations" = f.affiliations,
      "secondHand" = f.second_hand, "sourceNames" = f.names
  FROM (
    SELECT k.id,
      coalesce(agg.types, 0) AS types, coalesce(agg.modes, 0) AS modes,
      coalesce(agg.affiliations, '{}') AS affiliations, coalesce(agg.second_hand, false) AS second_hand,
      coalesce((SELECT string_agg(DISTINCT n, E'\n' ORDER BY n) FROM unnest(agg.names) AS n), '') AS names
    FROM locked k
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
$$;

-- Statement-level, with transition tables: a batch insert (an import, a restore, the benchmark's
-- generator) refreshes each claim once, not once per attribution row.
CREATE FUNCTION sourcedesk_attributions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM new_rows UNION SELECT "claimId" FROM old_rows));
  ELSE
    PERFORM sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Attribution_inserted_facets" AFTER INSERT ON "Attribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_attributions_changed();
CREATE TRIGGER "Attribution_updated_facets" AFTER UPDATE ON "Attribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_attributions_changed();
CREATE TRIGGER "Attribution_deleted_facets" AFTER DELETE ON "Attribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_attributions_changed();

-- A source's type, affiliation or name changes the facets of every claim it (or a via) is credited on.
CREATE FUNCTION sourcedesk_sources_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_refresh_claim_facets(ARRAY(
    SELECT a."claimId" FROM "Attribution" a
    WHERE a."sourceId" IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                           WHERE (n.type, n.name, n.affiliation) IS DISTINCT FROM (o.type, o.name, o.affiliation))
       OR a."viaSourceId" IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)));
  RETURN NULL;
END $$;

CREATE TRIGGER "Source_updated_facets" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_sources_changed();

-- A new claim takes its article's date and starts with no attributions, whatever the insert said.
CREATE FUNCTION sourcedesk_claim_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."articleDate" := (SELECT coalesce(ar."publishedAt", ar."createdAt") FROM "Article" ar WHERE ar.id = NEW."articleId");
  NEW."sourceTypeMask" := 0; NEW."modeMask" := 0; NEW."affiliations" := '{}';
  NEW."secondHand" := false; NEW."sourceNames" := '';
  RETURN NEW;
END $$;

CREATE TRIGGER "Claim_inserted_facets" BEFORE INSERT ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION sourcedesk_claim_inserted();

-- Changing an article's publication date moves its claims in the date filters.
CREATE FUNCTION sourcedesk_article_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" SET "articleDate" = coalesce(NEW."publishedAt", NEW."createdAt")
  WHERE "articleId" = NEW.id AND "articleDate" IS DISTINCT FROM coalesce(NEW."publishedAt", NEW."createdAt");
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_dated_facets" AFTER UPDATE OF "publishedAt", "createdAt" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION sourcedesk_article_dated();

-- Backfill with the old indexes dropped and before the new ones exist (migration
-- explorer_facet_indexes builds those once this transaction has committed the backfill).
DROP INDEX "Claim_createdAt_id_idx";
DROP INDEX "Claim_articleId_start_idx";
UPDATE "Claim" c SET "articleDate" = coalesce(ar."publishedAt", ar."createdAt") FROM "Article" ar WHERE ar.id = c."articleId";
SELECT sourcedesk_refresh_claim_facets(ARRAY(SELECT "claimId" FROM "Attribution"));
