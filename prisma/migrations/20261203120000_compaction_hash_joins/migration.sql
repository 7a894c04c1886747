-- The compactions of TrendCount and TrendFacetCount joined their duplicate keys back to the rows
-- with `c.value IS NOT DISTINCT FROM k.value`, which neither hashes nor merges: the planner merged
-- on (dimension, day) or (dimension, month) alone and compared the value (and, for the facet
-- cells, the masks) row by row within each — every author's or desk's rows of a month against
-- every key of that month. With the articles' authors and desks set (a real import's), one
-- compaction at 24k articles took 74-84 s instead of 3-6 s, growing with the archive; rewriting
-- the key as plain equalities left the plan as it was. So no join: one pass numbers each cell's
-- rows (a window over the key, NULL a value like any other, as GROUP BY has it) and the rows of
-- cells to fold are deleted by their ctid (a TID scan). Otherwise as before; the advisory locks
-- keep one compaction at a time, and a row appended meanwhile waits for the next.

CREATE OR REPLACE FUNCTION sourcedesk_compact_count_cells() RETURNS void LANGUAGE plpgsql AS $$
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
  -- A cell whose rows all sum to zero is dropped (NULL values, "no outlet", are a key like any other).
  WITH gone AS (
    DELETE FROM "TrendCount" c WHERE c.ctid = ANY (ARRAY(
      SELECT ctid FROM (
        SELECT ctid, count(*) OVER w AS cell_rows,
          sum(claims) OVER w = 0 AND sum(attributed) OVER w = 0 AND sum(sentences) OVER w = 0 AND sum(unsourced) OVER w = 0 AS empty
        FROM "TrendCount" WINDOW w AS (PARTITION BY dimension, value, day)) x
      WHERE cell_rows > 1 OR empty))
    RETURNING c.*
  )
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT dimension, value, day, sum(claims), sum(attributed), sum("anonymousOnly"), sum("anonymousAny"), sum("secondHand"),
    sum("typePerson"), sum("typeOrganization"), sum("typeMediaOutlet"), sum("typeDocument"), sum("typeAnonymousIndividual"),
    sum("typeAnonymousGroup"), sum("modeDirectQuote"), sum("modePartialQuote"), sum("modeParaphrase"), sum("genderWoman"),
    sum("genderMan"), sum("genderNonbinary"), sum("genderUnknown"), sum(sentences), sum(unsourced)
  FROM gone GROUP BY 1, 2, 3
  HAVING NOT (sum(claims) = 0 AND sum(attributed) = 0 AND sum(sentences) = 0 AND sum(unsourced) = 0);
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_compact_trend_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_compact_trend_facet_counts')) THEN RETURN; END IF;
  WITH gone AS (
    DELETE FROM "TrendFacetCount" c WHERE c.ctid = ANY (ARRAY(
      SELECT ctid FROM (
        SELECT ctid, count(*) OVER w AS cell_rows, sum(n) OVER w AS n FROM "TrendFacetCount"
        WINDOW w AS (PARTITION BY dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand")) x
      WHERE cell_rows > 1 OR n = 0))
    RETURNING c.*
  )
  INSERT INTO "TrendFacetCount" (dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
  SELECT dimension, value, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", sum(n) FROM gone
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0;
END $$;
