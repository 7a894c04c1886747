-- CreateTable
CREATE TABLE "MissingReasonCount" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "MissingReasonCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MissingReasonCount_day_idx" ON "MissingReasonCount"("day");

-- The articles quoting an anonymous source with no stated reason, counted per day (round 5 measured
-- the count over ArticleCounts at 36 ms for 9.9k of 10k articles: a row per article, so ~10x at
-- 100k). Every place that moves ArticleCounts."missingReason" across zero, or moves such an
-- article to another day, appends +1 / -1 here; the fold (sourcedesk_fold_source_months) sums each
-- day into one row. The list of the top 50 walks an index in its own order and stops at 50.
DROP INDEX "ArticleCounts_missing_reason_idx";
CREATE INDEX "ArticleCounts_missing_reason_idx" ON "ArticleCounts" ("missingReason" DESC, date DESC, "articleId")
  WHERE "missingReason" > 0;

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
    RETURNING s."articleId" AS article_id, s."sourceId" AS source_id, s."sourceType" AS source_type, s.claims, (s.xmax = 0) AS created
  ), moved AS (
    SELECT article_id, source_id, source_type,
      CASE WHEN created AND claims > 0 THEN 1 WHEN NOT created AND claims = 0 THEN -1 ELSE 0 END AS d
    FROM up
  ), marked AS (
    INSERT INTO "SourceMonthChange" ("sourceId")
    SELECT DISTINCT source_id FROM moved
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

CREATE OR REPLACE FUNCTION sourcedesk_sources_changed_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" IN (
    SELECT p."articleId" FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."sourceId" = n.id
    WHERE sourcedesk_reason_missing(n."anonymityReason") <> sourcedesk_reason_missing(o."anonymityReason")
      AND p."sourceType" IN ('anonymous_individual', 'anonymous_group'))
  ORDER BY "articleId" FOR UPDATE;
  WITH missing AS (
    UPDATE "ArticleCounts" ac SET "missingReason" = ac."missingReason" + d.d
    FROM (
      SELECT p."articleId", sum(CASE WHEN sourcedesk_reason_missing(n."anonymityReason") THEN 1 ELSE -1 END) AS d
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."sourceId" = n.id
      WHERE sourcedesk_reason_missing(n."anonymityReason") <> sourcedesk_reason_missing(o."anonymityReason")
        AND p."sourceType" IN ('anonymous_individual', 'anonymous_group')
      GROUP BY 1
    ) d
    WHERE ac."articleId" = d."articleId"
    RETURNING ac.date, ac."missingReason" - d.d AS before, ac."missingReason" AS after
  )
  INSERT INTO "MissingReasonCount" (day, n)
  SELECT CAST(date AS date), sum(sign(after) - sign(before)) FROM missing
  GROUP BY 1 HAVING sum(sign(after) - sign(before)) <> 0;
  INSERT INTO "SourceMonthChange" ("sourceId")
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE sourcedesk_source_kinds(n.type, n."anonymityReason", n."identityKnownToNewsroom", n.gender)
    IS DISTINCT FROM sourcedesk_source_kinds(o.type, o."anonymityReason", o."identityKnownToNewsroom", o.gender);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_articles_moved_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "SourceMonthChange" ("sourceId")
  SELECT DISTINCT p."sourceId" FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."articleId" = n.id
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

CREATE OR REPLACE FUNCTION sourcedesk_article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN OLD; END IF;
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT cell.* FROM "ArticleCounts" ac CROSS JOIN LATERAL sourcedesk_article_cells(-1, ac, ac.date, ac.outlet, ac.author, ac.desk) cell
  WHERE ac."articleId" = OLD.id;
  INSERT INTO "SourceMonthChange" ("sourceId")
  SELECT "sourceId" FROM "ArticleSourceCount"
  WHERE "articleId" = OLD.id AND "sourceType" IN ('person', 'anonymous_individual', 'anonymous_group');
  INSERT INTO "MissingReasonCount" (day, n)
  SELECT CAST(date AS date), -1 FROM "ArticleCounts" WHERE "articleId" = OLD.id AND "missingReason" > 0;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" = OLD.id;
  DELETE FROM "ArticleCounts" WHERE "articleId" = OLD.id;
  RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_fold_source_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_fold_source_months')) THEN RETURN; END IF;
  WITH taken AS (DELETE FROM "SourceMonthChange" RETURNING "sourceId"),
  dirty AS (SELECT DISTINCT "sourceId" AS id FROM taken),
  old_cells AS (
    SELECT m."sourceId" AS id, m.kinds, c.dimension, c.value, c.month
    FROM "SourceMonths" m JOIN dirty d ON d.id = m."sourceId"
    CROSS JOIN unnest(m.dimensions, m."values", m.months) AS c(dimension, value, month)),
  new_cells AS (SELECT source_id AS id, kinds, dimension, value, month FROM sourcedesk_source_cells(ARRAY(SELECT id FROM dirty))),
  links AS (
    SELECT k AS kind, l.dimension, l.value, l.month, l.previous, l.n FROM (
      SELECT kinds, dimension, value, month, lag(month) OVER (PARTITION BY id, dimension, value ORDER BY month) AS previous, -1 AS n
      FROM old_cells
      UNION ALL
      SELECT kinds, dimension, value, month, lag(month) OVER (PARTITION BY id, dimension, value ORDER BY month), 1
      FROM new_cells
    ) l CROSS JOIN unnest(l.kinds) AS k),
  delta AS (
    SELECT kind, dimension, value, month, previous, CAST(sum(n) AS int) AS n FROM links
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0),
  linked AS (
    INSERT INTO "SourceMonthLink" AS l (kind, dimension, value, month, previous, n)
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, dimension, value, month, previous) DO UPDATE SET n = l.n + EXCLUDED.n)
  INSERT INTO "SourceMonths" AS m ("sourceId", kinds, dimensions, "values", months)
  SELECT d.id, coalesce(x.kinds, '{}'), coalesce(x.dimensions, '{}'), coalesce(x."values", '{}'), coalesce(x.months, '{}')
  FROM dirty d LEFT JOIN (
    SELECT id, min(kinds) AS kinds, array_agg(dimension ORDER BY dimension, value, month) AS dimensions,
      array_agg(value ORDER BY dimension, value, month) AS "values", array_agg(month ORDER BY dimension, value, month) AS months
    FROM new_cells GROUP BY id
  ) x ON x.id = d.id
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

-- Backfill from the counts as they stand.
INSERT INTO "MissingReasonCount" (day, n)
SELECT CAST(date AS date), count(*) FROM "ArticleCounts" WHERE "missingReason" > 0 GROUP BY 1;
