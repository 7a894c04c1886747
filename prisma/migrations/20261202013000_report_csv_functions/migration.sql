-- The filter report's CSV written by PostgreSQL itself (COPY … TO STDOUT, lib/reports/report-csv.ts),
-- byte for byte what lib/reports/format-csv.ts writes: these two functions are the parts of that
-- formatter SQL lacks. No tables change.

-- JavaScript's body.slice(s, e) for UTF-16 offsets (the app's spans). Where the body has no
-- character outside the Basic Multilingual Plane (`astral` false, tested once per article by the
-- caller), UTF-16 units are code points and substr is the slice; otherwise the offsets are walked
-- over the body's characters once (an astral character counts two units, as in JavaScript).
CREATE FUNCTION sourcedesk_utf16_slice(body text, astral boolean, s int, e int) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  chars text[];
  i int := 0;
  u int := 0;
  first int;
BEGIN
  IF body IS NULL OR s IS NULL OR e IS NULL THEN RETURN NULL; END IF;
  IF NOT astral THEN RETURN substr(body, s + 1, greatest(e - s, 0)); END IF;
  chars := string_to_array(body, NULL);
  WHILE u < s AND i < cardinality(chars) LOOP
    i := i + 1;
    u := u + CASE WHEN ascii(chars[i]) > 65535 THEN 2 ELSE 1 END;
  END LOOP;
  first := i;
  WHILE u < e AND i < cardinality(chars) LOOP
    i := i + 1;
    u := u + CASE WHEN ascii(chars[i]) > 65535 THEN 2 ELSE 1 END;
  END LOOP;
  RETURN array_to_string(chars[first + 1:i], '');
END $$;

-- A text cell as csvCell() writes it: empty for NULL or '' (COPY writes NULL as nothing, and '' as
-- a quoted ""), and a leading apostrophe on text a spreadsheet would run as a formula.
CREATE FUNCTION sourcedesk_csv_text(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IS NULL OR v = '' THEN NULL
    WHEN left(v, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || v ELSE v END
$$;
