-- ---------------------------------------------------------------------------------------------
-- The source-months fold, incremental (issue 15, round 7). The fold (migration source_months)
-- recomputed every marked source's months from ALL its pairs and replaced all its links, so its
-- cost grew with the archive: a source quoted in thousands of stories was rebuilt whole each time
-- one more story quoted it. At 46k articles one fold took 118 s (74k sources, 920k pairs read,
-- 2.8M cells sorted twice) and the 100k bench archive could not be generated in 20 minutes.
--
-- Now a mark says which month changed: writers append (source, month of the pair that appeared or
-- vanished); NULL means everything about the source (what it counts as) changed. The fold reads the
-- pairs of the marked months only (the new index on (sourceId, date)), compares them with the stored
-- cells of those months, and recomputes links only for the (source, dimension, value) series whose
-- months changed — a story more for a source already quoted that month and outlet changes nothing,
-- and its SourceMonths row is not rewritten. A source whose kinds changed, or not folded before, is
-- refolded whole as before.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "SourceMonthChange" ADD COLUMN "month" DATE;

DROP INDEX "ArticleSourceCount_sourceId_idx";
CREATE INDEX "ArticleSourceCount_sourceId_date_idx" ON "ArticleSourceCount"("sourceId", "date");

-- Claim rows in or out: as before (missing_reason_counts); a pair that appears or vanishes marks
-- its source with the pair's month.
CREATE OR REPLACE FUNCTION sourcedesk_count_claim_rows(claim_rows sourcedesk_claim_row[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  source_deltas sourcedesk_counts[];
BEGIN
  IF coalesce(cardinality(claim_rows), 0) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" IN (SELECT r.article_id FROM unnest(claim_rows) r) ORDER BY "articleId" FOR UPDATE;
  WITH p AS (
    SELECT r.article_id, x.source_id, x.source_type, sum(r.k) AS k
    FROM unnest(claim_rows) r CROSS JOIN LATERAL unnest(r.source_ids, r.source_types) AS x(source_id, source_type)
    GROUP BY 1, 2, 3 HAVING sum(r.k) <> 0
  ), up AS (
    INSERT INTO "ArticleSourceCount" AS s ("articleId", "sourceId", "sourceType", date, outlet, author, desk, claims)
    SELECT p.article_id, p.source_id, p.source_type, ac.date, ac.outlet, ac.author, ac.desk, p.k
    FROM p JOIN "ArticleCounts" ac ON ac."articleId" = p.article_id
    ORDER BY 1, 2, 3
    ON CONFLICT ("articleId", "sourceId", "sourceType") DO UPDATE SET claims = s.claims + EXCLUDED.claims
    RETURNING s."articleId" AS article_id, s."sourceId" AS source_id, s."sourceType" AS source_type, s.date, s.claims, (s.xmax = 0) AS created
  ), moved AS (
    SELECT article_id, source_id, source_type, date,
      CASE WHEN created AND claims > 0 THEN 1 WHEN NOT created AND claims = 0 THEN -1 ELSE 0 END AS d
    FROM up
  ), marked AS (
    INSERT INTO "SourceMonthChange" ("sourceId", month)
    SELECT DISTINCT source_id, CAST(date_trunc('month', date) AS date) FROM moved
    WHERE d <> 0 AND source_type IN ('person', 'anonymous_individual', 'anonymous_group')
  ), missing AS (
    UPDATE "ArticleCounts" ac SET "missingReason" = ac."missingReason" + m.d
    FROM (
      SELECT mv.article_id, sum(mv.d) AS d FROM moved mv JOIN "Source" src ON src.id = mv.source_id
      WHERE mv.d <> 0 AND mv.source_type IN ('anonymous_individual', 'anonymous_group') AND sourcedesk_reason_missing(src."anonymityReason")
      GROUP BY 1 HAVING sum(mv.d) <> 0
    ) m
    WHERE ac."articleId" = m.article_id
    RETURNING ac.date, ac."missingReason" - m.d AS before, ac."missingReason" AS after
  ), crossed AS (
    INSERT INTO "MissingReasonCount" (day, n)
    SELECT CAST(date AS date), sum(sign(after) - sign(before)) FROM missing
    GROUP BY 1 HAVING sum(sign(after) - sign(before)) <> 0
  )
  SELECT array_agg(ROW(t.article_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, t.d)::sourcedesk_counts)
  INTO source_deltas
  FROM (SELECT article_id, CAST(sum(d) AS int) AS d FROM moved GROUP BY 1) t
  WHERE t.d <> 0;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" IN (SELECT r.article_id FROM unnest(claim_rows) r) AND claims = 0;
  PERFORM sourcedesk_add_counts(ARRAY(SELECT sourcedesk_claim_counts(r) FROM unnest(claim_rows) r) || coalesce(source_deltas, '{}'));
END $$;

-- An article moved to another month, outlet or desk: its sources' old and new months.
CREATE OR REPLACE FUNCTION sourcedesk_articles_moved_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "SourceMonthChange" ("sourceId", month)
  SELECT DISTINCT p."sourceId", x.month FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."articleId" = n.id
  CROSS JOIN LATERAL (VALUES (CAST(date_trunc('month', coalesce(o."publishedAt", o."createdAt")) AS date)),
                             (CAST(date_trunc('month', coalesce(n."publishedAt", n."createdAt")) AS date))) AS x(month)
  WHERE p."sourceType" IN ('person', 'anonymous_individual', 'anonymous_group')
    AND (date_trunc('month', coalesce(n."publishedAt", n."createdAt")), n.outlet, n.desk)
      IS DISTINCT FROM (date_trunc('month', coalesce(o."publishedAt", o."createdAt")), o.outlet, o.desk);
  -- ArticleCounts' date is already the new one (Article_updated_counts sorts first); its no-reason
  -- count does not change with a move.
  INSERT INTO "MissingReasonCount" (day, n)
  SELECT x.day, sum(x.n) FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleCounts" ac ON ac."articleId" = n.id
  CROSS JOIN LATERAL (VALUES (CAST(coalesce(o."publishedAt", o."createdAt") AS date), -1),
                             (CAST(coalesce(n."publishedAt", n."createdAt") AS date), 1)) AS x(day, n)
  WHERE ac."missingReason" > 0
    AND CAST(coalesce(n."publishedAt", n."createdAt") AS date) <> CAST(coalesce(o."publishedAt", o."createdAt") AS date)
  GROUP BY 1 HAVING sum(x.n) <> 0;
  RETURN NULL;
END $$;

-- A deleted article's sources lose its month (marked before its pairs go).
CREATE OR REPLACE FUNCTION sourcedesk_article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN OLD; END IF;
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT cell.* FROM "ArticleCounts" ac CROSS JOIN LATERAL sourcedesk_article_cells(-1, ac, ac.date, ac.outlet, ac.author, ac.desk) cell
  WHERE ac."articleId" = OLD.id;
  INSERT INTO "SourceMonthChange" ("sourceId", month)
  SELECT "sourceId", CAST(date_trunc('month', date) AS date) FROM "ArticleSourceCount"
  WHERE "articleId" = OLD.id AND "sourceType" IN ('person', 'anonymous_individual', 'anonymous_group');
  INSERT INTO "MissingReasonCount" (day, n)
  SELECT CAST(date AS date), -1 FROM "ArticleCounts" WHERE "articleId" = OLD.id AND "missingReason" > 0;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" = OLD.id;
  DELETE FROM "ArticleCounts" WHERE "articleId" = OLD.id;
  RETURN OLD;
END $$;

-- (The Source trigger's marks, sourcedesk_sources_changed_counts, name no month: a change of what
-- the source counts as refolds it whole. Unchanged.)

CREATE OR REPLACE FUNCTION sourcedesk_fold_source_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_fold_source_months')) THEN RETURN; END IF;
  -- One statement, so that the marks it takes and the pairs it reads are one snapshot.
  -- Series are keyed (source, dimension, value IS NULL, coalesce(value, '')) so that joins on them
  -- hash ("no outlet" is a NULL value).
  WITH taken AS (DELETE FROM "SourceMonthChange" RETURNING "sourceId", month),
  marks AS MATERIALIZED (SELECT DISTINCT "sourceId" AS id, month FROM taken),
  -- Each marked source: its stored cells and kinds, its kinds now, and whether it is refolded whole
  -- (a NULL mark, kinds changed, never folded, or gone: a missing Source has no kinds).
  src AS MATERIALIZED (
    SELECT d.id, m.kinds AS old_kinds, m.dimensions, m."values", m.months, now_kinds.kinds,
      d.whole OR m.kinds IS DISTINCT FROM now_kinds.kinds AS whole
    FROM (SELECT id, bool_or(month IS NULL) AS whole FROM marks GROUP BY id) d
    LEFT JOIN "SourceMonths" m ON m."sourceId" = d.id
    LEFT JOIN "Source" s ON s.id = d.id
    CROSS JOIN LATERAL (SELECT CASE WHEN s.id IS NOT NULL
      THEN sourcedesk_source_kinds(s.type, s."anonymityReason", s."identityKnownToNewsroom", s.gender) END AS kinds) now_kinds),
  old_cells AS MATERIALIZED (
    SELECT x.id, c.dimension, c.value, c.value IS NULL AS nul, coalesce(c.value, '') AS v, c.month, x.whole,
      x.whole OR k.id IS NOT NULL AS touched, x.old_kinds, x.kinds
    FROM src x CROSS JOIN unnest(x.dimensions, x."values", x.months) AS c(dimension, value, month)
    LEFT JOIN marks k ON k.id = x.id AND k.month = c.month),
  -- The cells of the marked months as the pairs stand now (a whole source: all its cells). Each
  -- mark reads its month's pairs through the index (OFFSET 0 keeps the planner from joining all of
  -- a source's pairs and filtering the month after: CTE row estimates are guesses).
  fresh AS MATERIALIZED (
    SELECT DISTINCT p.id, c.dimension, c.value, c.value IS NULL AS nul, coalesce(c.value, '') AS v,
      CAST(date_trunc('month', p.date) AS date) AS month, p.kinds
    FROM (
      SELECT x.id, x.kinds, p.date, p.outlet, p.desk, p.claims, p."sourceType"
      FROM src x JOIN "ArticleSourceCount" p ON p."sourceId" = x.id WHERE x.whole AND x.kinds IS NOT NULL
      UNION ALL
      SELECT x.id, x.kinds, p.date, p.outlet, p.desk, p.claims, p."sourceType"
      FROM marks k JOIN src x ON x.id = k.id AND NOT x.whole
      CROSS JOIN LATERAL (
        SELECT * FROM "ArticleSourceCount" p
        WHERE p."sourceId" = k.id AND p.date >= k.month AND p.date < k.month + interval '1 month' OFFSET 0) p
    ) p
    CROSS JOIN LATERAL (VALUES ('', CAST(NULL AS text)), ('outlet', p.outlet), ('desk', p.desk)) AS c(dimension, value)
    WHERE p.claims > 0 AND p."sourceType" IN ('person', 'anonymous_individual', 'anonymous_group')),
  -- Each source's cells now: the stored ones not looked at again, and the fresh ones.
  new_cells AS MATERIALIZED (
    SELECT id, dimension, value, nul, v, month, kinds FROM old_cells WHERE NOT touched
    UNION ALL
    SELECT id, dimension, value, nul, v, month, kinds FROM fresh),
  -- The series whose months changed; every series of a whole source (its kinds may have changed).
  changed AS MATERIALIZED (
    SELECT DISTINCT id, dimension, nul, v FROM (
      (SELECT id, dimension, nul, v, month FROM old_cells WHERE touched
       EXCEPT ALL SELECT id, dimension, nul, v, month FROM fresh)
      UNION ALL
      (SELECT id, dimension, nul, v, month FROM fresh
       EXCEPT ALL SELECT id, dimension, nul, v, month FROM old_cells WHERE touched)
      UNION ALL
      SELECT id, dimension, nul, v, month FROM old_cells WHERE whole
      UNION ALL
      SELECT f.id, f.dimension, f.nul, f.v, f.month FROM fresh f WHERE f.id IN (SELECT id FROM src WHERE whole)) d),
  links AS (
    SELECT k AS kind, l.dimension, l.value, l.month, l.previous, l.n FROM (
      SELECT o.old_kinds AS kinds, o.dimension, o.value, o.month,
        lag(o.month) OVER (PARTITION BY o.id, o.dimension, o.nul, o.v ORDER BY o.month) AS previous, -1 AS n
      FROM old_cells o JOIN changed c USING (id, dimension, nul, v)
      UNION ALL
      SELECT w.kinds, w.dimension, w.value, w.month,
        lag(w.month) OVER (PARTITION BY w.id, w.dimension, w.nul, w.v ORDER BY w.month), 1
      FROM new_cells w JOIN changed c USING (id, dimension, nul, v)
    ) l CROSS JOIN unnest(l.kinds) AS k),
  delta AS (
    SELECT kind, dimension, value, month, previous, CAST(sum(n) AS int) AS n FROM links
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0),
  linked AS (
    INSERT INTO "SourceMonthLink" AS l (kind, dimension, value, month, previous, n)
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, dimension, value, month, previous) DO UPDATE SET n = l.n + EXCLUDED.n)
  -- Only the sources whose months changed are written again.
  INSERT INTO "SourceMonths" AS m ("sourceId", kinds, dimensions, "values", months)
  SELECT x.id, CASE WHEN w.id IS NULL THEN '{}' ELSE x.kinds END, coalesce(w.dimensions, '{}'), coalesce(w."values", '{}'), coalesce(w.months, '{}')
  FROM src x LEFT JOIN (
    SELECT id, array_agg(dimension ORDER BY dimension, value, month) AS dimensions,
      array_agg(value ORDER BY dimension, value, month) AS "values", array_agg(month ORDER BY dimension, value, month) AS months
    FROM new_cells WHERE id IN (SELECT id FROM changed) GROUP BY id
  ) w ON w.id = x.id
  WHERE x.id IN (SELECT id FROM changed) OR x.old_kinds IS NULL
  ON CONFLICT ("sourceId") DO UPDATE SET kinds = EXCLUDED.kinds, dimensions = EXCLUDED.dimensions,
    "values" = EXCLUDED."values", months = EXCLUDED.months;
  -- Links at zero carry nothing (a later statement: the fold above has committed nothing yet, and
  -- only this function writes links).
  DELETE FROM "SourceMonthLink" WHERE n = 0;
  -- The no-reason articles' day counts: one row per day, none at zero (migration missing_reason_counts).
  WITH k AS (SELECT day FROM "MissingReasonCount" GROUP BY day HAVING count(*) > 1 OR sum(n) = 0),
  gone AS (DELETE FROM "MissingReasonCount" c USING k WHERE c.day = k.day RETURNING c.day, c.n)
  INSERT INTO "MissingReasonCount" (day, n) SELECT day, sum(n) FROM gone GROUP BY day HAVING sum(n) <> 0;
END $$;

-- The count tables' compactions without the fold, for a writer that loads claims in bulk (the
-- bench's archive): the fold's cost is the marked sources' stored months, and a load quoting
-- sources at random marks a third of them between two compactions (74k of 200k at 52k articles:
-- 95 s a fold, growing), so such a loader folds once at the end. Readers stay exact meanwhile
-- (they recount marked sources from their pairs). A new count table's compaction goes here.
CREATE FUNCTION sourcedesk_compact_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_compact_count_cells();
  PERFORM sourcedesk_compact_affiliation_totals();
  PERFORM sourcedesk_compact_trend_facet_counts();
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_compact_counts();
  PERFORM sourcedesk_fold_source_months();
END $$;
