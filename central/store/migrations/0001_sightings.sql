-- Where plates are seen and what was seen: sites and their cameras, the keys
-- edge boxes authenticate with, and the sightings themselves.
--
-- Sightings are the only table that grows with traffic, so it is partitioned
-- by capture time (one partition per UTC day, created on demand by
-- ensure_sighting_partitions below) and the JPEGs live in a twin table, so
-- that plate-history scans and index pages never drag image bytes through the
-- buffer cache. Retention is then a matter of dropping old day partitions.
--
-- Plate columns use the "C" collation: plates are ASCII A-Z/0-9, bytewise
-- order is the right order, and only with it can a plain b-tree serve
-- LIKE 'AB12%' prefix searches whatever the database's default collation.

CREATE TABLE sites (
  site_id    text PRIMARY KEY CHECK (site_id ~ '^[a-z0-9-]+$'),
  name       text NOT NULL,
  country    text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  latitude   double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude  double precision CHECK (longitude BETWEEN -180 AND 180),
  road       text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A camera looks along `heading_deg` (compass bearing, 0 = north). A vehicle
-- the edge reports as approaching or receding is travelling towards the
-- country named in the matching column; that is how crossings get a
-- direction without the edge knowing any geography.
CREATE TABLE cameras (
  camera_id         text PRIMARY KEY CHECK (camera_id ~ '^[a-z0-9-]+$'),
  site_id           text NOT NULL REFERENCES sites,
  edge_id           text NOT NULL CHECK (edge_id ~ '^[a-z0-9-]+$'),
  heading_deg       real CHECK (heading_deg >= 0 AND heading_deg < 360),
  approaching_to    text CHECK (approaching_to ~ '^[A-Z]{2}$'),
  receding_to       text CHECK (receding_to ~ '^[A-Z]{2}$'),
  lanes             smallint CHECK (lanes > 0),
  description       text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_site ON cameras (site_id);

-- CurveZMQ public keys (Z85, 40 characters) the ZAP handler admits. An edge
-- may hold two keys while one is being rotated out, so the key, not the
-- edge, is unique; revoking keeps the row for the record.
CREATE TABLE edge_keys (
  public_key  text PRIMARY KEY CHECK (length(public_key) = 40),
  edge_id     text NOT NULL CHECK (edge_id ~ '^[a-z0-9-]+$'),
  site_id     text REFERENCES sites,
  added_at    timestamptz NOT NULL DEFAULT now(),
  added_by    text NOT NULL,
  revoked_at  timestamptz,
  revoked_by  text,
  comment     text,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX edge_keys_edge ON edge_keys (edge_id);

-- The deduplication ledger: one row per event id ever stored. A unique index
-- on a partitioned table must contain the partition key, so the sightings
-- table alone could only promise (event_id, captured_at) to be unique. This
-- plain table promises event_id alone, whatever captured_at a replay carries,
-- and lets alerts and crossings reference a sighting by event id.
CREATE TABLE sighting_ids (
  event_id    uuid PRIMARY KEY,
  captured_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Protocol "unset" values (empty strings, zeros) are stored as NULL. uint32
-- fields are bigint so that no value an edge can send fails a whole batch.
CREATE TABLE sightings (
  event_id              uuid NOT NULL,
  captured_at           timestamptz NOT NULL,
  received_at           timestamptz NOT NULL DEFAULT now(),
  edge_id               text NOT NULL,
  camera_id             text NOT NULL,
  site_id               text NOT NULL,
  plate_text            text COLLATE "C" NOT NULL,
  -- OCR-canonical key of plate_text (common/plate/ocr_equivalence.h), so that
  -- 0/O/D/Q-style misreads of one plate share one index entry.
  plate_key             text COLLATE "C" NOT NULL,
  plate_display         text,
  plate_country         text,
  country_confidence    real,
  read_confidence       real NOT NULL,
  candidate_texts       text[] NOT NULL,
  candidate_confidences real[] NOT NULL,
  frame_width           bigint,
  frame_height          bigint,
  -- x, y, width, height in pixels of the frame.
  plate_box             bigint[],
  -- x0, y0, ... x3, y3: the four corners, clockwise from the plate's top-left.
  plate_corners         real[],
  direction             smallint,
  lane                  bigint,
  frames_seen           bigint NOT NULL,
  clock_state           smallint,
  clock_error_us        bigint,
  engine_version        text,
  PRIMARY KEY (event_id, captured_at)
) PARTITION BY RANGE (captured_at);

CREATE INDEX sightings_plate_time ON sightings (plate_text, captured_at DESC);
CREATE INDEX sightings_key_time ON sightings (plate_key, captured_at DESC);
CREATE INDEX sightings_site_time ON sightings (site_id, captured_at);

-- Evidence images, partitioned like sightings so that a day's images are
-- dropped with that day's rows. JPEG does not compress, so the bytes go
-- out of line without a wasted compression attempt (EXTERNAL storage).
CREATE TABLE sighting_evidence (
  event_id      uuid NOT NULL,
  captured_at   timestamptz NOT NULL,
  plate_jpeg    bytea,
  overview_jpeg bytea,
  PRIMARY KEY (event_id, captured_at)
) PARTITION BY RANGE (captured_at);
ALTER TABLE sighting_evidence ALTER COLUMN plate_jpeg SET STORAGE EXTERNAL;
ALTER TABLE sighting_evidence ALTER COLUMN overview_jpeg SET STORAGE EXTERNAL;

-- Creates the day partitions of sightings and sighting_evidence for each
-- date in `days` that has none yet; returns how many days it created.
-- Serialised by a transaction-scoped advisory lock so that two central
-- processes asking for the same new day do not both try to create it.
CREATE FUNCTION ensure_sighting_partitions(days date[]) RETURNS integer
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
    EXECUTE format('CREATE TABLE %I PARTITION OF sighting_evidence FOR VALUES FROM (%L) TO (%L)',
                   'sighting_evidence_p' || suffix, low, high);
    created := created + 1;
  END LOOP;
  RETURN created;
END
$$;
