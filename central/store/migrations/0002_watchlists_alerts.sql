-- What central looks for and what it found: watchlists and their entries,
-- the alerts raised on a hit or by a correlation rule, what an officer
-- decided about each alert, and border crossings paired from two sightings.
--
-- Sightings are referenced through sighting_ids (see 0001), the one table
-- where an event id alone is a key. Priorities are the numbers of
-- anpr.v1.AlertPriority (1 low .. 4 critical); agencies and list ids follow
-- the protocol's id rule (a-z, 0-9, '-').

-- A list's OCR tolerance applies to its fuzzy entries: how many swaps inside
-- an OCR class (8/B, 0/O, ...) and how many other edits a read may differ by
-- (common/plate/plate_match.h).
CREATE TABLE watchlists (
  watchlist_id                 text PRIMARY KEY CHECK (watchlist_id ~ '^[a-z0-9-]+$'),
  description                  text NOT NULL DEFAULT '',
  agency                       text NOT NULL CHECK (agency ~ '^[a-z0-9-]+$'),
  max_equivalent_substitutions smallint NOT NULL DEFAULT 0 CHECK (max_equivalent_substitutions >= 0),
  max_other_edits              smallint NOT NULL DEFAULT 0 CHECK (max_other_edits >= 0),
  created_at                   timestamptz NOT NULL DEFAULT now(),
  created_by                   text NOT NULL
);

-- `pattern` is a normalised plate; '*' and '?' make it a wildcard entry.
-- A fuzzy entry also matches reads within its list's tolerance.
-- Active hours are minutes after local midnight at the border
-- (Europe/Riga = Europe/Vilnius); start > end spans midnight; both NULL
-- means all day. Restricted entries' hits go to the owning agency only.
CREATE TABLE watchlist_entries (
  entry_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  watchlist_id        text NOT NULL REFERENCES watchlists ON DELETE CASCADE,
  pattern             text COLLATE "C" NOT NULL CHECK (pattern ~ '^[A-Z0-9*?]+$'),
  fuzzy               boolean NOT NULL DEFAULT false,
  country             text CHECK (country ~ '^[A-Z]{2}$'),
  reason              text NOT NULL,
  priority            smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),
  agency              text NOT NULL CHECK (agency ~ '^[a-z0-9-]+$'),
  visibility          text NOT NULL DEFAULT 'shared' CHECK (visibility IN ('shared', 'restricted')),
  valid_from          timestamptz,
  valid_until         timestamptz,
  active_start_minute smallint CHECK (active_start_minute BETWEEN 0 AND 1439),
  active_end_minute   smallint CHECK (active_end_minute BETWEEN 1 AND 1440),
  created_at          timestamptz NOT NULL DEFAULT now(),
  created_by          text NOT NULL,
  CHECK (valid_until > valid_from),
  CHECK ((active_start_minute IS NULL) = (active_end_minute IS NULL))
);
CREATE INDEX watchlist_entries_list ON watchlist_entries (watchlist_id);
CREATE INDEX watchlist_entries_pattern ON watchlist_entries (pattern);

-- One alert per (sighting, reason to look at it). Watchlist alerts name the
-- entry; correlation alerts (crossing, impossible travel, rules) name the
-- rule and the other sightings involved. The entry reference survives the
-- entry's deletion as NULL: the alert keeps listed_plate and reason as they
-- were when it fired.
CREATE TABLE alerts (
  alert_id          uuid PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('watchlist', 'border_crossing', 'impossible_travel', 'correlation_rule')),
  priority          smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),
  agency            text NOT NULL CHECK (agency ~ '^[a-z0-9-]+$'),
  raised_at         timestamptz NOT NULL DEFAULT now(),
  event_id          uuid NOT NULL REFERENCES sighting_ids,
  plate_text        text COLLATE "C" NOT NULL,
  site_id           text NOT NULL,
  watchlist_id      text REFERENCES watchlists ON DELETE SET NULL,
  entry_id          bigint REFERENCES watchlist_entries ON DELETE SET NULL,
  listed_plate      text,
  listed_country    text,
  rule_id           text,
  related_event_ids uuid[] NOT NULL DEFAULT '{}',
  reason            text NOT NULL,
  match_distance    real NOT NULL DEFAULT 0,
  CHECK ((kind = 'watchlist') = (listed_plate IS NOT NULL))
);
CREATE INDEX alerts_raised ON alerts (raised_at DESC);
CREATE INDEX alerts_agency_raised ON alerts (agency, raised_at DESC);
CREATE INDEX alerts_plate ON alerts (plate_text, raised_at DESC);
CREATE INDEX alerts_event ON alerts (event_id);

-- Decisions on an alert, newest last: accepted (a real hit, acted on) or
-- rejected (misread, stale entry, ...), always with a reason and an officer.
-- A later decision supersedes an earlier one; none is ever overwritten.
CREATE TABLE alert_dispositions (
  disposition_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id       uuid NOT NULL REFERENCES alerts ON DELETE CASCADE,
  decision       text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reason         text NOT NULL CHECK (reason <> ''),
  decided_by     text NOT NULL CHECK (decided_by <> ''),
  decided_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_dispositions_alert ON alert_dispositions (alert_id, decided_at);

-- A vehicle seen leaving one site and then at a site of another country.
-- Both sightings are kept by event id; the times are copied so that travel
-- time queries need no join into the partitioned sightings table.
CREATE TABLE crossings (
  crossing_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plate_text     text COLLATE "C" NOT NULL,
  from_event_id  uuid NOT NULL REFERENCES sighting_ids,
  from_site_id   text NOT NULL REFERENCES sites,
  from_country   text NOT NULL CHECK (from_country ~ '^[A-Z]{2}$'),
  from_at        timestamptz NOT NULL,
  to_event_id    uuid NOT NULL REFERENCES sighting_ids,
  to_site_id     text NOT NULL REFERENCES sites,
  to_country     text NOT NULL CHECK (to_country ~ '^[A-Z]{2}$'),
  to_at          timestamptz NOT NULL,
  travel_time    interval GENERATED ALWAYS AS (to_at - from_at) STORED,
  detected_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (from_event_id, to_event_id),
  CHECK (to_at >= from_at)
);
CREATE INDEX crossings_plate ON crossings (plate_text, from_at DESC);
CREATE INDEX crossings_route ON crossings (from_site_id, to_site_id, from_at DESC);
