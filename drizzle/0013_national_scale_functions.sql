-- search_key(text): lower case without diacritics, single spaces ("Đảng  Nguyễn" → "dang nguyen"),
-- as lib/people/identity.ts searchKey() computes it in TypeScript (a test holds the two equal).
-- NFC first, so a name typed in decomposed form (NFD) loses its marks too; any combining mark
-- unaccent leaves is removed. IMMUTABLE (with the dictionary named), so a generated column and
-- an index may use it.
CREATE OR REPLACE FUNCTION search_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(regexp_replace(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC)), '[\u0300-\u036f]', '', 'g') COLLATE "und-x-icu"), '\s+', ' ', 'g'))
$$;
