-- Cheaper writes for the ingest path (docs/central-store.md, "Writing
-- sightings"), measured on the 2-core box where every index entry and
-- TOAST chunk of a 20 000/s stream costs CPU the same box needs for the rest:
--
-- * Evidence partitions keep rows up to a page inline (toast_tuple_target =
--   8160, the maximum). A 3 KB plate patch used to go to the TOAST table as
--   two chunks, each with its own TOAST index entry; inline it is one heap
--   tuple. Larger overview images still go out of line. Storage parameters
--   belong to partitions, not to the partitioned table, so the partition
--   function sets it on each new day and existing days are altered here
--   (affecting the rows written from now on).
--
-- * sightings_site_time (site_id, captured_at) is replaced by a BRIN index on
--   captured_at. No query of the platform searches sightings by site without
--   a plate (plate history filters a plate's rows by site), so the b-tree
--   was paid by every insert for nobody; a BRIN summary of a day partition
--   written in time order costs next to nothing and still serves time-range
--   scans ("everything at site X between 10:00 and 11:00") over a day.

DROP INDEX sightings_site_time;
CREATE INDEX sightings_time_brin ON sightings USING brin (captured_at);

DO $$
DECLARE
  part regclass;
BEGIN
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'sighting_evidence'::regclass LOOP
    EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = 8160)', part);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION ensure_sighting_partitions(days date[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  day     date;
  created integer := 0;
  suffix  text;
  low     text;
  high    text;
BEGIN
  -- The key is the ASCII of "anpr_prt" read as a big-endian int8.
  PERFORM pg_advisory_xact_lock(7020672505646969460);
  FOREACH day IN ARRAY days LOOP
    suffix := to_char(day, 'YYYYMMDD');
    CONTINUE WHEN to_regclass('sightings_p' || suffix) IS NOT NULL;
    low := to_char(day, 'YYYY-MM-DD') || ' 00:00:00+00';
    high := to_char(day + 1, 'YYYY-MM-DD') || ' 00:00:00+00';
    EXECUTE format('CREATE TABLE %I PARTITION OF sightings FOR VALUES FROM (%L) TO (%L)',
                   'sightings_p' || suffix, low, high);
    EXECUTE format('CREATE TABLE %I PARTITION OF sighting_evidence FOR VALUES FROM (%L) TO (%L)'
                   ' WITH (toast_tuple_target = 8160)',
                   'sighting_evidence_p' || suffix, low, high);
    created := created + 1;
  END LOOP;
  RETURN created;
END
$$;
