-- Who looked at what, when and why. Every investigator search of plate
-- history and every change to watchlists or alert decisions appends a row,
-- in the same transaction as the action, so there is no action without
-- its record. Oversight bodies search it by person and by plate.
--
-- The table is append-only for the application: a trigger refuses UPDATE
-- and DELETE (a superuser can still purge it under a retention policy, by
-- disabling the trigger on purpose).

CREATE TABLE audit_log (
  audit_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL CHECK (actor <> ''),
  action        text NOT NULL CHECK (action <> ''),
  -- The plate the action was about, when there is one (a search pattern
  -- included), so "who looked up this plate" is one index scan.
  subject_plate text COLLATE "C",
  detail        text NOT NULL,
  reason        text NOT NULL CHECK (reason <> '')
);
CREATE INDEX audit_log_actor_at ON audit_log (actor, at DESC);
CREATE INDEX audit_log_plate_at ON audit_log (subject_plate, at DESC) WHERE subject_plate IS NOT NULL;
CREATE INDEX audit_log_at ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
