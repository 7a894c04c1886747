-- Trend counts: the standards desk's trends and "who we quote" at archive scale, without reading
-- every claim, attribution and source of the selection (issue 17's figures, issue 15's archive).
-- Prisma's diff wrote the DDL; the types, functions, triggers and backfill are by hand.
--
-- 1. Claim.sourceIds / sourceTypes (the distinct sources its attributions name, vias left out, and
--    their types) and Claim.genderMask (genders of its person sources), kept by the claim refresh
--    like the other facet columns.
-- 2. ArticleCounts: one row per article with its date and breakdown values (outlet, author, desk)
--    and its counters (claims by facet, by gender of the people quoted, sentences, unsourced
--    sentences, distinct sources). Kept IN PLACE: only writers of that article touch the row, and
--    the app's writers already queue on the article's lock (lib/articles/sourcing-change.ts), so
--    nobody waits longer; rows are locked in article order so multi-article statements (a source
--    retyped) cannot deadlock with each other. It replaces StatementUnsourcedCount.
-- 3. TrendCount: the same counters per day and breakdown value ("" none, outlet, author, desk),
--    appended as +n / -n rows (many articles share a row, so no shared counter is updated) and
--    folded by sourcedesk_compact_facet_counts(). A series reads a few thousand rows.
-- 4. ArticleSourceCount: per article and source, how many of its claims quote the source, with
--    the article's date and breakdown values: the distinct-source figures (anonymous sources with
--    no stated reason, identities unknown, people by gender) read these instead of claims ×
--    attributions × sources. In place; a pair at zero is deleted, and the article's distinct
--    source count moves with the pairs that appear and disappear, so it is exact.
-- Bulk loads (`sourcedesk.bulk_load`) stand the triggers aside: the import's batch writer calls
-- sourcedesk_count_new_articles() for its new articles, and a restore loads these tables verbatim.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "genderMask" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sourceIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "sourceTypes" "SourceType"[] DEFAULT ARRAY[]::"SourceType"[];

-- DropTable
DROP TABLE "StatementUnsourcedCount";

-- CreateTable
CREATE TABLE "ArticleCounts" (
    "articleId" UUID NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "desk" TEXT,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "attributed" INTEGER NOT NULL DEFAULT 0,
    "anonymousOnly" INTEGER NOT NULL DEFAULT 0,
    "anonymousAny" INTEGER NOT NULL DEFAULT 0,
    "secondHand" INTEGER NOT NULL DEFAULT 0,
    "typePerson" INTEGER NOT NULL DEFAULT 0,
    "typeOrganization" INTEGER NOT NULL DEFAULT 0,
    "typeMediaOutlet" INTEGER NOT NULL DEFAULT 0,
    "typeDocument" INTEGER NOT NULL DEFAULT 0,
    "typeAnonymousIndividual" INTEGER NOT NULL DEFAULT 0,
    "typeAnonymousGroup" INTEGER NOT NULL DEFAULT 0,
    "modeDirectQuote" INTEGER NOT NULL DEFAULT 0,
    "modePartialQuote" INTEGER NOT NULL DEFAULT 0,
    "modeParaphrase" INTEGER NOT NULL DEFAULT 0,
    "genderWoman" INTEGER NOT NULL DEFAULT 0,
    "genderMan" INTEGER NOT NULL DEFAULT 0,
    "genderNonbinary" INTEGER NOT NULL DEFAULT 0,
    "genderUnknown" INTEGER NOT NULL DEFAULT 0,
    "sentences" INTEGER NOT NULL DEFAULT 0,
    "unsourced" INTEGER NOT NULL DEFAULT 0,
    "sources" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleCounts_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "TrendCount" (
    "id" BIGSERIAL NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT,
    "day" DATE NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "attributed" INTEGER NOT NULL DEFAULT 0,
    "anonymousOnly" INTEGER NOT NULL DEFAULT 0,
    "anonymousAny" INTEGER NOT NULL DEFAULT 0,
    "secondHand" INTEGER NOT NULL DEFAULT 0,
    "typePerson" INTEGER NOT NULL DEFAULT 0,
    "typeOrganization" INTEGER NOT NULL DEFAULT 0,
    "typeMediaOutlet" INTEGER NOT NULL DEFAULT 0,
    "typeDocument" INTEGER NOT NULL DEFAULT 0,
    "typeAnonymousIndividual" INTEGER NOT NULL DEFAULT 0,
    "typeAnonymousGroup" INTEGER NOT NULL DEFAULT 0,
    "modeDirectQuote" INTEGER NOT NULL DEFAULT 0,
    "modePartialQuote" INTEGER NOT NULL DEFAULT 0,
    "modeParaphrase" INTEGER NOT NULL DEFAULT 0,
    "genderWoman" INTEGER NOT NULL DEFAULT 0,
    "genderMan" INTEGER NOT NULL DEFAULT 0,
    "genderNonbinary" INTEGER NOT NULL DEFAULT 0,
    "genderUnknown" INTEGER NOT NULL DEFAULT 0,
    "sentences" INTEGER NOT NULL DEFAULT 0,
    "unsourced" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrendCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleSourceCount" (
    "articleId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "sourceType" "SourceType" NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "desk" TEXT,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "ArticleSourceCount_pkey" PRIMARY KEY ("articleId","sourceId","sourceType")
);

-- CreateIndex
CREATE INDEX "ArticleCounts_date_articleId_idx" ON "ArticleCounts"("date" DESC, "articleId");

-- CreateIndex
CREATE INDEX "TrendCount_dimension_day_idx" ON "TrendCount"("dimension", "day");

-- CreateIndex
CREATE INDEX "ArticleSourceCount_sourceType_date_idx" ON "ArticleSourceCount"("sourceType", "date");

-- Articles resting on a single source, newest first.
CREATE INDEX "ArticleCounts_single_source_idx" ON "ArticleCounts" ("date" DESC, "articleId") WHERE sources = 1;

-- 1. Claim's new derived columns ---------------------------------------------------------------

CREATE OR REPLACE FUNCTION sourcedesk_refresh_claim_facets(claim_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Claim" WHERE id = ANY(claim_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "Claim" c
  SET "sourceTypeMask" = f.types, "modeMask" = f.modes, "affiliations" = f.affiliations,
      "secondHand" = f.second_hand, "sourceNames" = f.names,
      "sourceIds" = f.source_ids, "sourceTypes" = f.source_types, "genderMask" = f.genders
  FROM (
    SELECT k.id,
      coalesce(agg.types, 0) AS types, coalesce(agg.modes, 0) AS modes,
      coalesce(agg.affiliations, '{}') AS affiliations, coalesce(agg.second_hand, false) AS second_hand,
      coalesce((SELECT string_agg(DISTINCT n, E'\n' ORDER BY n) FROM unnest(agg.names) AS n), '') AS names,
      coalesce(src.ids, '{}') AS source_ids, coalesce(src.types, '{}') AS source_types, coalesce(src.genders, 0) AS genders
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
    LEFT JOIN LATERAL (
      SELECT array_agg(d.id ORDER BY d.id) AS ids, array_agg(d.type ORDER BY d.id) AS types,
        bit_or(1 << (array_position(enum_range(NULL::"Gender"), d.gender) - 1)) FILTER (WHERE d.type = 'person') AS genders
      FROM (SELECT DISTINCT s.id, s.type, s.gender FROM "Attribution" a JOIN "Source" s ON s.id = a."sourceId" WHERE a."claimId" = k.id) d
    ) src ON true
  ) f
  WHERE c.id = f.id
    AND (c."sourceTypeMask", c."modeMask", c."affiliations", c."secondHand", c."sourceNames", c."sourceIds", c."sourceTypes", c."genderMask")
        IS DISTINCT FROM (f.types, f.modes, f.affiliations, f.second_hand, f.names, f.source_ids, f.source_types, f.genders);
END $$;

-- A person's recorded gender changes the genderMask of every claim quoting them.
CREATE OR REPLACE FUNCTION sourcedesk_sources_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sourcedesk_refresh_claim_facets(ARRAY(
    SELECT a."claimId" FROM "Attribution" a
    WHERE a."sourceId" IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                           WHERE (n.type, n.name, n.affiliation, n.gender) IS DISTINCT FROM (o.type, o.name, o.affiliation, o.gender))
       OR a."viaSourceId" IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sourcedesk_claim_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."articleDate" := (SELECT coalesce(ar."publishedAt", ar."createdAt") FROM "Article" ar WHERE ar.id = NEW."articleId");
  NEW."sourceTypeMask" := 0; NEW."modeMask" := 0; NEW."affiliations" := '{}';
  NEW."secondHand" := false; NEW."sourceNames" := '';
  NEW."sourceIds" := '{}'; NEW."sourceTypes" := '{}'; NEW."genderMask" := 0;
  RETURN NEW;
END $$;

-- 2.–4. The counts ---------------------------------------------------------------------------

-- What a claim or a sentence adds to its article's counters (negative to take it away).
CREATE TYPE sourcedesk_counts AS (
  article_id uuid, claims int, attributed int, anonymous_only int, anonymous_any int, second_hand int,
  type_person int, type_organization int, type_media_outlet int, type_document int,
  type_anonymous_individual int, type_anonymous_group int,
  mode_direct_quote int, mode_partial_quote int, mode_paraphrase int,
  gender_woman int, gender_man int, gender_nonbinary int, gender_unknown int,
  sentences int, unsourced int, sources int);

-- A claim row as the counts see it: k = +1 (in) or -1 (out).
CREATE TYPE sourcedesk_claim_row AS (
  article_id uuid, k int, types int, modes int, second_hand boolean, genders int,
  source_ids uuid[], source_types "SourceType"[]);

-- A claim's contribution. Bits are the enums' declared order, as in Claim's masks (SourceType:
-- person 1, organization 2, media_outlet 4, document 8, anonymous_individual 16,
-- anonymous_group 32; named = 15; AttributionMode: direct 1, partial 2, paraphrase 4; Gender:
-- woman 1, man 2, nonbinary 4, unknown 8); tests/unit/facet-masks.test.ts checks the order.
CREATE FUNCTION sourcedesk_claim_counts(r sourcedesk_claim_row) RETURNS sourcedesk_counts LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(r.article_id, r.k,
    CASE WHEN r.types <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.types <> 0 AND r.types & 15 = 0 THEN r.k ELSE 0 END,
    CASE WHEN r.types & 48 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.second_hand THEN r.k ELSE 0 END,
    CASE WHEN r.types & 1 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.types & 2 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.types & 4 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.types & 8 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.types & 16 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.types & 32 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.modes & 1 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.modes & 2 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.modes & 4 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.genders & 1 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.genders & 2 <> 0 THEN r.k ELSE 0 END,
    CASE WHEN r.genders & 4 <> 0 THEN r.k ELSE 0 END, CASE WHEN r.genders & 8 <> 0 THEN r.k ELSE 0 END,
    0, 0, 0)::sourcedesk_counts
$$;

-- Adds deltas to the articles' rows (locked in article order first) and the matching cells. An
-- article with no ArticleCounts row (being deleted: see sourcedesk_article_deleted) is skipped.
CREATE FUNCTION sourcedesk_add_counts(deltas sourcedesk_counts[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(deltas), 0) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" IN (SELECT d.article_id FROM unnest(deltas) d) ORDER BY "articleId" FOR UPDATE;
  WITH d AS (
    SELECT article_id, sum(claims) AS claims, sum(attributed) AS attributed, sum(anonymous_only) AS anonymous_only,
      sum(anonymous_any) AS anonymous_any, sum(second_hand) AS second_hand,
      sum(type_person) AS type_person, sum(type_organization) AS type_organization, sum(type_media_outlet) AS type_media_outlet,
      sum(type_document) AS type_document, sum(type_anonymous_individual) AS type_anonymous_individual,
      sum(type_anonymous_group) AS type_anonymous_group, sum(mode_direct_quote) AS mode_direct_quote,
      sum(mode_partial_quote) AS mode_partial_quote, sum(mode_paraphrase) AS mode_paraphrase,
      sum(gender_woman) AS gender_woman, sum(gender_man) AS gender_man, sum(gender_nonbinary) AS gender_nonbinary,
      sum(gender_unknown) AS gender_unknown, sum(sentences) AS sentences, sum(unsourced) AS unsourced, sum(sources) AS sources
    FROM unnest(deltas) GROUP BY article_id
  ), u AS (
    UPDATE "ArticleCounts" ac SET claims = ac.claims + d.claims, attributed = ac.attributed + d.attributed,
      "anonymousOnly" = ac."anonymousOnly" + d.anonymous_only, "anonymousAny" = ac."anonymousAny" + d.anonymous_any,
      "secondHand" = ac."secondHand" + d.second_hand, "typePerson" = ac."typePerson" + d.type_person,
      "typeOrganization" = ac."typeOrganization" + d.type_organization, "typeMediaOutlet" = ac."typeMediaOutlet" + d.type_media_outlet,
      "typeDocument" = ac."typeDocument" + d.type_document, "typeAnonymousIndividual" = ac."typeAnonymousIndividual" + d.type_anonymous_individual,
      "typeAnonymousGroup" = ac."typeAnonymousGroup" + d.type_anonymous_group, "modeDirectQuote" = ac."modeDirectQuote" + d.mode_direct_quote,
      "modePartialQuote" = ac."modePartialQuote" + d.mode_partial_quote, "modeParaphrase" = ac."modeParaphrase" + d.mode_paraphrase,
      "genderWoman" = ac."genderWoman" + d.gender_woman, "genderMan" = ac."genderMan" + d.gender_man,
      "genderNonbinary" = ac."genderNonbinary" + d.gender_nonbinary, "genderUnknown" = ac."genderUnknown" + d.gender_unknown,
      sentences = ac.sentences + d.sentences, unsourced = ac.unsourced + d.unsourced, sources = ac.sources + d.sources
    FROM d WHERE ac."articleId" = d.article_id
    RETURNING ac."articleId", ac.date, ac.outlet, ac.author, ac.desk
  )
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT dim.name, dim.value, CAST(u.date AS date), sum(d.claims), sum(d.attributed), sum(d.anonymous_only), sum(d.anonymous_any),
    sum(d.second_hand), sum(d.type_person), sum(d.type_organization), sum(d.type_media_outlet), sum(d.type_document),
    sum(d.type_anonymous_individual), sum(d.type_anonymous_group), sum(d.mode_direct_quote), sum(d.mode_partial_quote),
    sum(d.mode_paraphrase), sum(d.gender_woman), sum(d.gender_man), sum(d.gender_nonbinary), sum(d.gender_unknown),
    sum(d.sentences), sum(d.unsourced)
  FROM d JOIN u ON u."articleId" = d.article_id
  CROSS JOIN LATERAL (VALUES ('', NULL), ('outlet', u.outlet), ('author', u.author), ('desk', u.desk)) AS dim(name, value)
  GROUP BY 1, 2, 3
  HAVING sum(abs(d.claims)) + sum(abs(d.attributed)) + sum(abs(d.type_person)) + sum(abs(d.type_organization))
    + sum(abs(d.type_media_outlet)) + sum(abs(d.type_document)) + sum(abs(d.type_anonymous_individual))
    + sum(abs(d.type_anonymous_group)) + sum(abs(d.mode_direct_quote)) + sum(abs(d.mode_partial_quote))
    + sum(abs(d.mode_paraphrase)) + sum(abs(d.second_hand)) + sum(abs(d.gender_woman)) + sum(abs(d.gender_man))
    + sum(abs(d.gender_nonbinary)) + sum(abs(d.gender_unknown)) + sum(abs(d.sentences)) + sum(abs(d.unsourced)) > 0;
END $$;

-- Claim rows in (k = 1) or out (k = -1): their counters, and their sources' pairs. A pair that
-- appears adds a distinct source to its article, one that drops to zero takes one away.
CREATE FUNCTION sourcedesk_count_claim_rows(claim_rows sourcedesk_claim_row[]) RETURNS void LANGUAGE plpgsql AS $$
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
    RETURNING s."articleId" AS article_id, s.claims, (s.xmax = 0) AS created
  )
  SELECT array_agg(ROW(t.article_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, t.d)::sourcedesk_counts)
  INTO source_deltas
  FROM (SELECT article_id, CAST(sum(CASE WHEN created AND claims > 0 THEN 1 WHEN NOT created AND claims = 0 THEN -1 ELSE 0 END) AS int) AS d
        FROM up GROUP BY 1) t
  WHERE t.d <> 0;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" IN (SELECT r.article_id FROM unnest(claim_rows) r) AND claims = 0;
  PERFORM sourcedesk_add_counts(ARRAY(SELECT sourcedesk_claim_counts(r) FROM unnest(claim_rows) r) || coalesce(source_deltas, '{}'));
END $$;

-- Claim triggers: the facet counts as before, then the trend counts of the rows that changed
-- anything they count (a review, a note or a re-anchoring changes none of it).
CREATE OR REPLACE FUNCTION sourcedesk_claim_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", count(*)
    FROM new_rows, unnest(affiliations) a GROUP BY 1, 2, 3, 4, 5, 6;
    PERFORM sourcedesk_count_claim_rows(ARRAY(
      SELECT ROW(n."articleId", 1, n."sourceTypeMask", n."modeMask", n."secondHand", n."genderMask", n."sourceIds", n."sourceTypes")::sourcedesk_claim_row
      FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ClaimFacetCount" (month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO "ClaimAffiliationCount" (affiliation, month, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", n)
    SELECT a, date_trunc('month', "articleDate")::date, "sourceTypeMask", "modeMask", "reviewStatus", "secondHand", -count(*)
    FROM old_rows, unnest(affiliations) a GROUP BY 1, 2, 3, 4, 5, 6;
    PERFORM sourcedesk_count_claim_rows(ARRAY(
      SELECT ROW(o."articleId", -1, o."sourceTypeMask", o."modeMask", o."secondHand", o."genderMask", o."sourceIds", o."sourceTypes")::sourcedesk_claim_row
      FROM old_rows o));
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
    PERFORM sourcedesk_count_claim_rows(ARRAY(
      SELECT ROW(x.article_id, x.k, x.types, x.modes, x.second_hand, x.genders, x.source_ids, x.source_types)::sourcedesk_claim_row
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES
        (n."articleId", 1, n."sourceTypeMask", n."modeMask", n."secondHand", n."genderMask", n."sourceIds", n."sourceTypes"),
        (o."articleId", -1, o."sourceTypeMask", o."modeMask", o."secondHand", o."genderMask", o."sourceIds", o."sourceTypes")
      ) AS x(article_id, k, types, modes, second_hand, genders, source_ids, source_types)
      WHERE (n."articleId", n."sourceTypeMask", n."modeMask", n."secondHand", n."genderMask", n."sourceIds", n."sourceTypes")
        IS DISTINCT FROM (o."articleId", o."sourceTypeMask", o."modeMask", o."secondHand", o."genderMask", o."sourceIds", o."sourceTypes")));
  END IF;
  RETURN NULL;
END $$;

-- Statement triggers: sentences and unsourced sentences per article (StatementUnsourcedCount's job before).
CREATE OR REPLACE FUNCTION sourcedesk_statements_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas sourcedesk_counts[];
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(SELECT ROW("articleId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        count(*), count(*) FILTER (WHERE NOT sourced), 0)::sourcedesk_counts
      FROM new_rows WHERE kind = 'sentence' GROUP BY "articleId");
  ELSIF TG_OP = 'DELETE' THEN
    deltas := ARRAY(SELECT ROW("articleId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        -count(*), -count(*) FILTER (WHERE NOT sourced), 0)::sourcedesk_counts
      FROM old_rows WHERE kind = 'sentence' GROUP BY "articleId");
  ELSE
    deltas := ARRAY(SELECT ROW(article_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        sum(k), coalesce(sum(k) FILTER (WHERE NOT sourced), 0), 0)::sourcedesk_counts
      FROM (
        SELECT "articleId" AS article_id, 1 AS k, sourced FROM new_rows WHERE kind = 'sentence'
        UNION ALL
        SELECT "articleId", -1, sourced FROM old_rows WHERE kind = 'sentence'
      ) s GROUP BY article_id
      HAVING sum(k) <> 0 OR coalesce(sum(k) FILTER (WHERE NOT sourced), 0) <> 0);
  END IF;
  PERFORM sourcedesk_add_counts(deltas);
  RETURN NULL;
END $$;

-- Articles: a new one gets its (empty) counts row; a new date or breakdown value moves its whole
-- counts from the old cells to the new ones and is copied to its rows; a deleted one takes its
-- counts out of the cells and its rows away first, so that the claim and statement deletes its
-- cascade then makes find no counts row and add nothing.
CREATE FUNCTION sourcedesk_articles_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  INSERT INTO "ArticleCounts" ("articleId", date, outlet, author, desk)
  SELECT id, coalesce("publishedAt", "createdAt"), outlet, author, desk FROM new_rows;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_inserted_counts" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_articles_inserted();

-- One cell row per (dimension, value, day) an article's counts sit in, with its counters times k.
CREATE FUNCTION sourcedesk_article_cells(k int, ac "ArticleCounts", at timestamp, outlet text, author text, desk text)
RETURNS TABLE (dimension text, value text, day date, claims int, attributed int, "anonymousOnly" int, "anonymousAny" int,
  "secondHand" int, "typePerson" int, "typeOrganization" int, "typeMediaOutlet" int, "typeDocument" int,
  "typeAnonymousIndividual" int, "typeAnonymousGroup" int, "modeDirectQuote" int, "modePartialQuote" int,
  "modeParaphrase" int, "genderWoman" int, "genderMan" int, "genderNonbinary" int, "genderUnknown" int,
  sentences int, unsourced int)
LANGUAGE sql IMMUTABLE AS $$
  SELECT dim.name, dim.value, CAST(at AS date), k * ac.claims, k * ac.attributed, k * ac."anonymousOnly", k * ac."anonymousAny",
    k * ac."secondHand", k * ac."typePerson", k * ac."typeOrganization", k * ac."typeMediaOutlet", k * ac."typeDocument",
    k * ac."typeAnonymousIndividual", k * ac."typeAnonymousGroup", k * ac."modeDirectQuote", k * ac."modePartialQuote",
    k * ac."modeParaphrase", k * ac."genderWoman", k * ac."genderMan", k * ac."genderNonbinary", k * ac."genderUnknown",
    k * ac.sentences, k * ac.unsourced
  FROM (VALUES ('', NULL), ('outlet', outlet), ('author', author), ('desk', desk)) AS dim(name, value)
  WHERE ac.claims <> 0 OR ac.sentences <> 0
$$;

CREATE FUNCTION sourcedesk_articles_updated_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved uuid[];
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN NULL; END IF;
  moved := ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (coalesce(n."publishedAt", n."createdAt"), n.outlet, n.author, n.desk)
      IS DISTINCT FROM (coalesce(o."publishedAt", o."createdAt"), o.outlet, o.author, o.desk));
  IF cardinality(moved) = 0 THEN RETURN NULL; END IF;
  PERFORM 1 FROM "ArticleCounts" WHERE "articleId" = ANY(moved) ORDER BY "articleId" FOR UPDATE;
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT cell.* FROM "ArticleCounts" ac JOIN new_rows n ON n.id = ac."articleId"
  CROSS JOIN LATERAL (
    SELECT * FROM sourcedesk_article_cells(-1, ac, ac.date, ac.outlet, ac.author, ac.desk)
    UNION ALL
    SELECT * FROM sourcedesk_article_cells(1, ac, coalesce(n."publishedAt", n."createdAt"), n.outlet, n.author, n.desk)
  ) cell
  WHERE ac."articleId" = ANY(moved);
  UPDATE "ArticleCounts" ac SET date = coalesce(n."publishedAt", n."createdAt"), outlet = n.outlet, author = n.author, desk = n.desk
  FROM new_rows n WHERE ac."articleId" = n.id AND n.id = ANY(moved);
  UPDATE "ArticleSourceCount" s SET date = coalesce(n."publishedAt", n."createdAt"), outlet = n.outlet, author = n.author, desk = n.desk
  FROM new_rows n WHERE s."articleId" = n.id AND n.id = ANY(moved);
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_updated_counts" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sourcedesk_articles_updated_counts();

CREATE FUNCTION sourcedesk_article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF sourcedesk_bulk_load() THEN RETURN OLD; END IF;
  INSERT INTO "TrendCount" (dimension, value, day, claims, attributed, "anonymousOnly", "anonymousAny", "secondHand",
    "typePerson", "typeOrganization", "typeMediaOutlet", "typeDocument", "typeAnonymousIndividual", "typeAnonymousGroup",
    "modeDirectQuote", "modePartialQuote", "modeParaphrase", "genderWoman", "genderMan", "genderNonbinary", "genderUnknown",
    sentences, unsourced)
  SELECT cell.* FROM "ArticleCounts" ac CROSS JOIN LATERAL sourcedesk_article_cells(-1, ac, ac.date, ac.outlet, ac.author, ac.desk) cell
  WHERE ac."articleId" = OLD.id;
  DELETE FROM "ArticleSourceCount" WHERE "articleId" = OLD.id;
  DELETE FROM "ArticleCounts" WHERE "articleId" = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER "Article_deleted_counts" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION sourcedesk_article_deleted();

-- Counts for articles written by a bulk load (lib/import/write-batch.ts), from their rows as they
-- stand: the batch writer calls it once per batch, and the backfill below for every article.
CREATE FUNCTION sourcedesk_count_new_articles(article_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleCounts" ("articleId", date, outlet, author, desk)
  SELECT id, coalesce("publishedAt", "createdAt"), outlet, author, desk FROM "Article" WHERE id = ANY(article_ids);
  PERFORM sourcedesk_count_claim_rows(ARRAY(
    SELECT ROW(c."articleId", 1, c."sourceTypeMask", c."modeMask", c."secondHand", c."genderMask", c."sourceIds", c."sourceTypes")::sourcedesk_claim_row
    FROM "Claim" c WHERE c."articleId" = ANY(article_ids)));
  PERFORM sourcedesk_add_counts(ARRAY(
    SELECT ROW("articleId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      count(*), count(*) FILTER (WHERE NOT sourced), 0)::sourcedesk_counts
    FROM "Statement" WHERE "articleId" = ANY(article_ids) AND kind = 'sentence' GROUP BY "articleId"));
END $$;

-- The compaction folds the cells too (and no longer StatementUnsourcedCount, which is gone).
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
  -- A cell whose rows all sum to zero is dropped (NULL values, "no outlet", are a key like any other).
  WITH k AS (
    SELECT dimension, value, day FROM "TrendCount" GROUP BY 1, 2, 3
    HAVING count(*) > 1 OR (sum(claims) = 0 AND sum(attributed) = 0 AND sum(sentences) = 0 AND sum(unsourced) = 0)
  ), gone AS (
    DELETE FROM "TrendCount" c USING k
    WHERE c.dimension = k.dimension AND c.value IS NOT DISTINCT FROM k.value AND c.day = k.day
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

-- Backfill: Claim's new columns from the attributions (the triggers stand aside: nothing they
-- count changes), then every article's counts, a few thousand articles at a time.
SELECT set_config('sourcedesk.bulk_load', 'on', true);
UPDATE "Claim" c SET "sourceIds" = x.ids, "sourceTypes" = x.types, "genderMask" = x.genders
FROM (
  SELECT d."claimId", array_agg(d.id ORDER BY d.id) AS ids, array_agg(d.type ORDER BY d.id) AS types,
    coalesce(bit_or(1 << (array_position(enum_range(NULL::"Gender"), d.gender) - 1)) FILTER (WHERE d.type = 'person'), 0) AS genders
  FROM (SELECT DISTINCT a."claimId", s.id, s.type, s.gender FROM "Attribution" a JOIN "Source" s ON s.id = a."sourceId") d
  GROUP BY d."claimId"
) x
WHERE c.id = x."claimId";
SELECT set_config('sourcedesk.bulk_load', 'off', true);
DO $$
DECLARE
  chunk uuid[];
BEGIN
  FOR chunk IN
    SELECT array_agg(id) FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 5000 AS part FROM "Article") a GROUP BY part
  LOOP
    PERFORM sourcedesk_count_new_articles(chunk);
  END LOOP;
END $$;
SELECT sourcedesk_compact_facet_counts();
