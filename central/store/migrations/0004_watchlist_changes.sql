-- Which watchlist entries changed, so a running central can apply edits to
-- its in-memory index without a restart (central/watchlist/
-- watchlist_repository.h). Triggers fill the table in the same transaction
-- as the change, whoever makes it: anpr-cli, an import, or psql.
--
-- A row names the entry only; the poller reads the entry's current state
-- (or finds it gone), so replaying a change twice is harmless.
--
-- Why `xid` rather than change_id as the poller's cursor: identity values
-- are handed out when a row is inserted, but transactions commit in their
-- own order, so change 41 can become visible after change 42 and a poller
-- that remembered "up to 42" would never see it. Each row therefore records
-- its writer's top-level transaction id, and the poller keeps the MVCC
-- snapshot of its last poll (pg_current_snapshot()): the changes it has not
-- seen yet are exactly those whose transaction was not visible in that
-- snapshot, in progress then or started later, whatever their commit order.
-- change_id only orders rows for people reading the table.
--
-- Rows are small (one per changed entry) and are not pruned by the
-- application; deleting rows older than any poller's last poll is safe.

CREATE TABLE watchlist_changes (
  change_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  entry_id   bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX watchlist_changes_xid ON watchlist_changes (xid);

-- One statement-level trigger per operation: a transition table may belong
-- to a trigger for one event only. A 100 000-row import then costs one
-- INSERT ... SELECT, not 100 000 trigger calls.
CREATE FUNCTION watchlist_entries_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO watchlist_changes (entry_id) SELECT entry_id FROM changed_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER watchlist_entries_inserted
  AFTER INSERT ON watchlist_entries REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION watchlist_entries_changed();
CREATE TRIGGER watchlist_entries_updated
  AFTER UPDATE ON watchlist_entries REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION watchlist_entries_changed();
-- Also fires for entries deleted by ON DELETE CASCADE from watchlists.
CREATE TRIGGER watchlist_entries_deleted
  AFTER DELETE ON watchlist_entries REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION watchlist_entries_changed();

-- TRUNCATE has no transition table: record every entry before it goes.
CREATE FUNCTION watchlist_entries_truncating() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO watchlist_changes (entry_id) SELECT entry_id FROM watchlist_entries;
  RETURN NULL;
END
$$;

CREATE TRIGGER watchlist_entries_truncating
  BEFORE TRUNCATE ON watchlist_entries
  FOR EACH STATEMENT EXECUTE FUNCTION watchlist_entries_truncating();

-- A fuzzy entry matches under its list's tolerance, so changing the
-- tolerance changes every entry of the list.
CREATE FUNCTION watchlist_tolerance_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO watchlist_changes (entry_id)
    SELECT entry_id FROM watchlist_entries WHERE watchlist_id = NEW.watchlist_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER watchlist_tolerance_changed
  AFTER UPDATE OF max_equivalent_substitutions, max_other_edits ON watchlists
  FOR EACH ROW
  WHEN (OLD.max_equivalent_substitutions IS DISTINCT FROM NEW.max_equivalent_substitutions
        OR OLD.max_other_edits IS DISTINCT FROM NEW.max_other_edits)
  EXECUTE FUNCTION watchlist_tolerance_changed();
