-- AlterTable
ALTER TABLE "ArticleCounts" ADD COLUMN     "missingReason" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SourceMonths" (
    "sourceId" UUID NOT NULL,
    "kinds" TEXT[],
    "dimensions" TEXT[],
    "values" TEXT[],
    "months" DATE[],

    CONSTRAINT "SourceMonths_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "SourceMonthLink" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT,
    "month" DATE NOT NULL,
    "previous" DATE,
    "n" INTEGER NOT NULL,

    CONSTRAINT "SourceMonthLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceMonthChange" (
    "id" BIGSERIAL NOT NULL,
    "sourceId" UUID NOT NULL,

    CONSTRAINT "SourceMonthChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceMonthLink_kind_dimension_value_month_previous_key" ON "SourceMonthLink"("kind", "dimension", "value", "month", "previous");

-- CreateIndex
CREATE INDEX "ArticleSourceCount_sourceId_idx" ON "ArticleSourceCount"("sourceId");

-- ---------------------------------------------------------------------------------------------
-- Source months (issue 17, round 5): the distinct-source figures of the trends and "who we quote"
-- (anonymous sources with no stated reason, identities not recorded, people by gender, anonymous
-- sources) without reading a row per article and source of the range. Prisma's diff wrote the DDL
-- above; the rest is by hand.
--
-- A source's "months" are the (dimension, value, month) cells it is quoted in: dimension "" (all
-- articles), "outlet" or "desk", the article's value there, and its month. Its kinds are what it
-- counts as (sourcedesk_source_kinds). SourceMonthLink counts, per kind and cell, the sources whose
-- PREVIOUS month in the same (dimension, value) was `previous` (NULL for their first), so
--   distinct sources in month m               = sum of n over the links of m, and
--   distinct sources in the months [a, b]     = sum of n over the links of m in [a, b] with previous
--                                               NULL or before a (each source's first month in the
--                                               range is the one link whose previous lies outside),
-- both reading at most (months in range)² links per value, whatever the number of articles.
--
-- Writers never touch the links: they append the sources whose pairs appeared or vanished (or whose
-- kinds changed) to SourceMonthChange, as plain inserts, so concurrent writers share no row and take
-- no lock beyond their own. sourcedesk_fold_source_months() (one caller at a time, with the other
-- compactions) takes those rows and, in ONE statement so that what it takes and the pairs it reads
-- are one snapshot, replaces each such source's links computed from its stored months
-- (SourceMonths) by those computed from its pairs now. Readers recount the sources still waiting
-- from their pairs (sourcedesk_source_cells) against their stored months, so answers are exact
-- between folds too.
--
-- ArticleCounts."missingReason" (distinct no-reason anonymous sources per article) is kept in place
-- with the pairs, under the article's lock, and by the Source trigger when a reason is set or
-- cleared: the "articles quoting an anonymous source with no stated reason" check reads it.
-- ---------------------------------------------------------------------------------------------

-- NULL values ("no outlet") and the NULL previous month are keys like any other.
DROP INDEX "SourceMonthLink_kind_dimension_value_month_previous_key";
CREATE UNIQUE INDEX "SourceMonthLink_kind_dimension_value_month_previous_key"
  ON "SourceMonthLink"("kind", "dimension", "value", "month", "previous") NULLS NOT DISTINCT;

-- The no-reason check's articles, by date (the figure counts them, the list sorts them).
CREATE INDEX "ArticleCounts_missing_reason_idx" ON "ArticleCounts" ("date") INCLUDE ("missingReason") WHERE "missingReason" > 0;
-- Sources whose identity no editor knows: the identity check reads their pairs only.
CREATE INDEX "Source_identity_unknown_idx" ON "Source" (id)
  WHERE "identityKnownToNewsroom" = false AND type IN ('anonymous_individual', 'anonymous_group');

-- "No stated reason", as statedText() in lib/text/stated-text.ts (the characters are its
-- TRIM_CHARACTERS: what JavaScript's trim() strips).
CREATE FUNCTION sourcedesk_reason_missing(reason text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT nullif(btrim(reason, U&'\0009\000A\000B\000C\000D\0020\00A0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200A\2028\2029\202F\205F\3000\FEFF'), '') IS NULL
$$;

-- What a source counts as in the figures: anonymous ones as "anonymous", and "missing" without a
-- stated reason, "unrecorded" when nobody recorded whether the newsroom knows who it is; people as
-- "person" and "gender:<their gender>". Other types are not counted here.
CREATE FUNCTION sourcedesk_source_kinds(type "SourceType", reason text, known boolean, gender "Gender")
RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN type IN ('anonymous_individual', 'anonymous_group') THEN
      ARRAY['anonymous']
        || CASE WHEN sourcedesk_reason_missing(reason) THEN ARRAY['missing'] ELSE '{}' END
        || CASE WHEN known IS NULL THEN ARRAY['unrecorded'] ELSE '{}' END
    WHEN type = 'person' THEN ARRAY['person', 'gender:' || CAST(gender AS text)]
    ELSE CAST('{}' AS text[])
  END
$$;

-- The sources' months as their pairs stand (in the caller's snapshot), with their kinds now.
CREATE FUNCTION sourcedesk_source_cells(source_ids uuid[])
RETURNS TABLE (source_id uuid, kinds text[], dimension text, value text, month date) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT p."sourceId", sourcedesk_source_kinds(s.type, s."anonymityReason", s."identityKnownToNewsroom", s.gender),
    c.dimension, c.value, CAST(date_trunc('month', p.date) AS date)
  FROM "ArticleSourceCount" p JOIN "Source" s ON s.id = p."sourceId"
  CROSS JOIN LATERAL (VALUES ('', CAST(NULL AS text)), ('outlet', p.outlet), ('desk', p.desk)) AS c(dimension, value)
  WHERE p."sourceId" = ANY(source_ids) AND p.claims > 0
    AND p."sourceType" IN ('person', 'anonymous_individual', 'anonymous_group')
$$;

CREATE FUNCTION sourcedesk_fold_source_months() RETURNS void LANGUAGE plpgsql AS $$
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
END $$;

-- The compactions after imports and facet reads fold the source months too.
ALTER FUNCTION sourcedesk_compact_facet_counts() RENAME TO sourcedesk_compact_count_cells;
CREATE FUNCTION sourcedesk_compact_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_compact_count_cells();
  PERFORM sourcedesk_fold_source_months();
END $$;

-- Claim rows in or out: as before (trend_counts), and now the pairs that appear or vanish mark
-- their source for the fold and move their article's no-reason count.
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
  )
  SELECT array_agg(ROW(t.article_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, t.d)::sourcedesk_counts)
  INTO source_deltas
  FROM (SELECT article_id, CAST(sum(d) AS int) AS d FROM moved GROUP BY 1) t
  WHERE t.d <> 0;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" IN (SELECT r.article_id FROM unnest(claim_rows) r) AND claims = 0;
  PERFORM sourcedesk_add_counts(ARRAY(SELECT sourcedesk_claim_counts(r) FROM unnest(claim_rows) r) || coalesce(source_deltas, '{}'));
END $$;

-- A source's reason set or cleared moves the no-reason count of every article quoting it as its
-- pairs stand: this trigger sorts before "Source_updated_facets", whose claim refresh then moves
-- pairs of a retyped source with the new reason. The writer (lib/sources/write-source.ts) locks
-- those articles first, as every writer does. A change of what the source counts as marks it for
-- the fold.
CREATE FUNCTION sourcedesk_sources_changed_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" IN (
    SELECT p."articleId" FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."sourceId" = n.id
    WHERE sourcedesk_reason_missing(n."anonymityReason") <> sourcedesk_reason_missing(o."anonymityReason")
      AND p."sourceType" IN ('anonymous_individual', 'anonymous_group'))
  ORDER BY "articleId" FOR UPDATE;
  UPDATE "ArticleCounts" ac SET "missingReason" = ac."missingReason" + d.d
  FROM (
    SELECT p."articleId", sum(CASE WHEN sourcedesk_reason_missing(n."anonymityReason") THEN 1 ELSE -1 END) AS d
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."sourceId" = n.id
    WHERE sourcedesk_reason_missing(n."anonymityReason") <> sourcedesk_reason_missing(o."anonymityReason")
      AND p."sourceType" IN ('anonymous_individual', 'anonymous_group')
    GROUP BY 1
  ) d
  WHERE ac."articleId" = d."articleId";
  INSERT INTO "SourceMonthChange" ("sourceId")
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE sourcedesk_source_kinds(n.type, n."anonymityReason", n."identityKnownToNewsroom", n.gender)
    IS DISTINCT FROM sourcedesk_source_kinds(o.type, o."anonymityReason", o."identityKnownToNewsroom", o.gender);
  RETURN NULL;
END $$;

CREATE TRIGGER "Source_updated_counts" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_sources_changed_counts();

-- An article moved to another month, outlet or desk moves its sources' months.
CREATE FUNCTION sourcedesk_articles_moved_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "SourceMonthChange" ("sourceId")
  SELECT DISTINCT p."sourceId" FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "ArticleSourceCount" p ON p."articleId" = n.id
  WHERE p."sourceType" IN ('person', 'anonymous_individual', 'anonymous_group')
    AND (date_trunc('month', coalesce(n."publishedAt", n."createdAt")), n.outlet, n.desk)
      IS DISTINCT FROM (date_trunc('month', coalesce(o."publishedAt", o."createdAt")), o.outlet, o.desk);
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_updated_source_months" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_articles_moved_months();

-- A deleted article's sources lose its months (marked before its pairs go).
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
  DELETE FROM "ArticleSourceCount" WHERE "articleId" = OLD.id;
  DELETE FROM "ArticleCounts" WHERE "articleId" = OLD.id;
  RETURN OLD;
END $$;

-- The import's batch writer counts its articles with the triggers standing aside
-- (sourcedesk.bulk_load); sourcedesk_count_claim_rows marks and counts what it needs itself, so
-- sourcedesk_count_new_articles (trend_counts) needs no change.

-- Backfill: every article's no-reason count from its pairs, then every counted source's months.
UPDATE "ArticleCounts" ac SET "missingReason" = m.n
FROM (
  SELECT p."articleId", count(*) AS n FROM "ArticleSourceCount" p JOIN "Source" s ON s.id = p."sourceId"
  WHERE p."sourceType" IN ('anonymous_individual', 'anonymous_group') AND p.claims > 0 AND sourcedesk_reason_missing(s."anonymityReason")
  GROUP BY 1
) m
WHERE ac."articleId" = m."articleId";
INSERT INTO "SourceMonthChange" ("sourceId")
SELECT DISTINCT "sourceId" FROM "ArticleSourceCount" WHERE "sourceType" IN ('person', 'anonymous_individual', 'anonymous_group');
SELECT sourcedesk_fold_source_months();
