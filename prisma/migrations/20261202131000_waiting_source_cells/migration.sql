-- The readers' recount of the sources waiting for the fold, as a function PostgreSQL inlines into
-- the reading query: sourcedesk_source_cells(ARRAY(SELECT … FROM "SourceMonthChange")) was planned
-- apart on every call (a sub-select argument keeps a function from being inlined), 13 ms of a 40 ms
-- read even with nothing waiting. The same function serves the fold: its one statement takes the
-- marks it sees and, in the same snapshot, this function sees exactly those marks.
CREATE FUNCTION sourcedesk_waiting_source_cells()
RETURNS TABLE (source_id uuid, kinds text[], dimension text, value text, month date) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT p."sourceId", sourcedesk_source_kinds(s.type, s."anonymityReason", s."identityKnownToNewsroom", s.gender),
    c.dimension, c.value, CAST(date_trunc('month', p.date) AS date)
  FROM "ArticleSourceCount" p JOIN "Source" s ON s.id = p."sourceId"
  CROSS JOIN LATERAL (VALUES ('', CAST(NULL AS text)), ('outlet', p.outlet), ('desk', p.desk)) AS c(dimension, value)
  WHERE p."sourceId" IN (SELECT "sourceId" FROM "SourceMonthChange") AND p.claims > 0
    AND p."sourceType" IN ('person', 'anonymous_individual', 'anonymous_group')
$$;

CREATE OR REPLACE FUNCTION sourcedesk_fold_source_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('sourcedesk_fold_source_months')) THEN RETURN; END IF;
  WITH taken AS (DELETE FROM "SourceMonthChange" RETURNING "sourceId"),
  dirty AS (SELECT DISTINCT "sourceId" AS id FROM taken),
  old_cells AS (
    SELECT m."sourceId" AS id, m.kinds, c.dimension, c.value, c.month
    FROM "SourceMonths" m JOIN dirty d ON d.id = m."sourceId"
    CROSS JOIN unnest(m.dimensions, m."values", m.months) AS c(dimension, value, month)),
  new_cells AS (SELECT source_id AS id, kinds, dimension, value, month FROM sourcedesk_waiting_source_cells()),
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

DROP FUNCTION sourcedesk_source_cells(uuid[]);
