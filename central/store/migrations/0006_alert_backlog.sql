-- The alert backlog: which stored sightings still await their alert pass.
-- The writer commits a batch and acks it; the alert pass runs afterwards in
-- its own transaction. A crash between the two used to leave those
-- sightings stored and acked but never matched against the watchlist. Now
-- the writer adds one row per batch (the fresh event ids) in the batch's
-- own transaction and the alert pass deletes it in the transaction that
-- stores its crossings and alerts, so a row outlives a batch exactly when
-- its pass never committed, and central runs that pass at its next start.
--
-- One row per batch rather than per sighting keeps the hot path at one
-- extra tuple a batch. No foreign key to sighting_ids: retention may drop
-- a sighting first, and recovery skips what has gone.

CREATE TABLE alert_backlog (
  batch_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_ids    uuid[] NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now()
);
