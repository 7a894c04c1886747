-- Unsourced sentences of one article whose text matches an ILIKE pattern, in one pass over the body.
-- The search read each sentence as substr(body, start, length): PostgreSQL decompresses and walks a
-- multibyte body from its start on every call, so an article of 1 MB with 12,000 sentences took
-- 93 s for one phrase (quadratic). Here the body is cut once into pieces of 64 characters, each
-- sentence is glued from the pieces it covers (a hash join on the piece number), and only then
-- matched: linear in the body and the sentences. Offsets are code points, as substr's were (UTF-16
-- units differ only past an astral character: close enough to search).
CREATE FUNCTION sourcedesk_unsourced_matching(article_id uuid, body text, pattern text) RETURNS SETOF "Statement"
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH pieces AS MATERIALIZED (
    SELECT r.n, r.m[1] AS piece FROM regexp_matches(body, '.{1,64}', 'g') WITH ORDINALITY AS r(m, n)
  ), spans AS (
    SELECT st.id, st.start, st."end", g.n
    FROM "Statement" st, generate_series(st.start / 64 + 1, (greatest(st."end", st.start + 1) - 1) / 64 + 1) AS g(n)
    WHERE st."articleId" = article_id AND st.kind = 'sentence' AND NOT st.sourced
  ), texts AS (
    SELECT s.id, substr(string_agg(p.piece, '' ORDER BY s.n), min(s.start) % 64 + 1, min(s."end") - min(s.start)) AS text
    FROM spans s JOIN pieces p ON p.n = s.n GROUP BY s.id
  )
  SELECT st.* FROM "Statement" st JOIN texts t ON t.id = st.id WHERE t.text ILIKE pattern
$$;
