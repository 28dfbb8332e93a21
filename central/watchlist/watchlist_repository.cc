// Watchlists in PostgreSQL; see watchlist_repository.h. Times cross the
// boundary as integer microseconds (the entry's unit) and are converted in
// SQL, exactly, so no timestamp text format is involved; open-ended validity
// is NULL in the table and the int64 extremes in an Entry.
#include "central/watchlist/watchlist_repository.h"

#include <limits>

#include <pqxx/except>
#include <pqxx/result>
#include <pqxx/transaction>

namespace anpr::watchlist {

namespace {

constexpr int64_t kOpenStart = std::numeric_limits<int64_t>::min();
constexpr int64_t kOpenEnd = std::numeric_limits<int64_t>::max();

// The columns entry_from_row reads, from watchlist_entries e joined to its
// list w.
constexpr const char* kEntryColumns =
    "e.entry_id, e.watchlist_id, e.pattern, coalesce(e.country, ''), e.fuzzy,"
    " w.max_equivalent_substitutions, w.max_other_edits, e.reason, e.priority, e.agency, e.visibility,"
    " (extract(epoch FROM e.valid_from) * 1000000)::bigint, (extract(epoch FROM e.valid_until) * 1000000)::bigint,"
    " e.active_start_minute, e.active_end_minute";

constexpr const char* kWatchlistColumns =
    "w.watchlist_id, w.agency, w.description, w.max_equivalent_substitutions, w.max_other_edits,"
    " (extract(epoch FROM w.created_at) * 1000000)::bigint, w.created_by,"
    " (SELECT count(*) FROM watchlist_entries e WHERE e.watchlist_id = w.watchlist_id)";

Entry entry_from_row(const pqxx::row& r, pqxx::row::size_type first = 0) {
  auto at = [&](pqxx::row::size_type i) { return r[first + i]; };
  Entry e;
  e.id = at(0).as<int64_t>();
  e.list = at(1).as<std::string>();
  e.pattern = at(2).as<std::string>();
  e.country = at(3).as<std::string>();
  e.fuzzy = at(4).as<bool>();
  e.list_tolerance = {at(5).as<unsigned>(), at(6).as<unsigned>()};
  e.reason = at(7).as<std::string>();
  e.priority = at(8).as<int>();
  e.agency = at(9).as<std::string>();
  e.visibility = at(10).as<std::string>() == "restricted" ? Visibility::kRestricted : Visibility::kShared;
  e.valid_from_us = at(11).is_null() ? kOpenStart : at(11).as<int64_t>();
  e.valid_until_us = at(12).is_null() ? kOpenEnd : at(12).as<int64_t>();
  if (!at(13).is_null()) e.active_hours = ActiveHours{at(13).as<int>(), at(14).as<int>()};
  return e;
}

Watchlist watchlist_from_row(const pqxx::row& r) {
  return {r[0].as<std::string>(),
          r[1].as<std::string>(),
          r[2].as<std::string>(),
          {r[3].as<unsigned>(), r[4].as<unsigned>()},
          r[5].as<int64_t>(),
          r[6].as<std::string>(),
          r[7].as<int64_t>()};
}

// A parameter that is NULL when absent: libpqxx 6 passes a null const char*
// as SQL NULL.
const char* nullable(const std::optional<std::string>& value) { return value ? value->c_str() : nullptr; }

std::optional<std::string> time_param(int64_t us, int64_t open_value) {
  if (us == open_value) return std::nullopt;
  return std::to_string(us);
}

// The first line of a PostgreSQL error, without libpq's "ERROR:  " prefix.
std::string short_message(const pqxx::sql_error& e) {
  std::string text = e.what();
  text = text.substr(0, text.find('\n'));
  const std::string prefix = "ERROR:  ";
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

}  // namespace

std::vector<Entry> load_entries(pqxx::connection_base& conn) {
  pqxx::read_transaction tx(conn, "load_watchlists");
  std::vector<Entry> entries;
  for (const pqxx::row& r :
       tx.exec(std::string("SELECT ") + kEntryColumns +
               " FROM watchlist_entries e JOIN watchlists w USING (watchlist_id) ORDER BY e.entry_id")) {
    entries.push_back(entry_from_row(r));
  }
  tx.commit();
  return entries;
}

ChangeCursor change_cursor(pqxx::connection_base& conn) {
  pqxx::read_transaction tx(conn, "watchlist_cursor");
  ChangeCursor cursor{tx.exec1("SELECT pg_current_snapshot()::text")[0].as<std::string>()};
  tx.commit();
  return cursor;
}

WatchlistChanges poll_changes(pqxx::connection_base& conn, const ChangeCursor& since) {
  if (since.snapshot.empty()) throw RepositoryError("watchlist change cursor is empty: start from change_cursor()");
  // Repeatable read: the snapshot returned as the next cursor is the very
  // one the changes below are read under, so nothing falls between polls.
  pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn, "watchlist_changes");
  WatchlistChanges changes;
  changes.next.snapshot = tx.exec1("SELECT pg_current_snapshot()::text")[0].as<std::string>();
  const pqxx::result rows = tx.exec_params(
      std::string("WITH changed AS (SELECT DISTINCT entry_id FROM watchlist_changes"
                  " WHERE xid >= pg_snapshot_xmin($1::pg_snapshot)"
                  " AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot))"
                  " SELECT c.entry_id, e.entry_id IS NOT NULL, ") +
          kEntryColumns +
          " FROM changed c LEFT JOIN (watchlist_entries e JOIN watchlists w USING (watchlist_id))"
          " ON e.entry_id = c.entry_id ORDER BY c.entry_id",
      since.snapshot);
  for (const pqxx::row& r : rows) {
    if (r[1].as<bool>()) {
      changes.upserted.push_back(entry_from_row(r, 2));
    } else {
      changes.removed.push_back(r[0].as<int64_t>());
    }
  }
  tx.commit();
  return changes;
}

void create_watchlist(pqxx::transaction_base& tx, const Watchlist& list, const std::string& actor) {
  const pqxx::result created = tx.exec_params(
      "INSERT INTO watchlists (watchlist_id, agency, description, max_equivalent_substitutions, max_other_edits,"
      " created_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (watchlist_id) DO NOTHING RETURNING 1",
      list.id, list.agency, list.description, list.tolerance.max_equivalent_substitutions,
      list.tolerance.max_other_edits, actor);
  if (created.empty()) throw RepositoryError("watchlist '" + list.id + "' exists already");
}

std::vector<Watchlist> list_watchlists(pqxx::transaction_base& tx) {
  std::vector<Watchlist> lists;
  for (const pqxx::row& r : tx.exec(std::string("SELECT ") + kWatchlistColumns + " FROM watchlists w ORDER BY 1")) {
    lists.push_back(watchlist_from_row(r));
  }
  return lists;
}

std::optional<Watchlist> find_watchlist(pqxx::transaction_base& tx, const std::string& id) {
  const pqxx::result r =
      tx.exec_params(std::string("SELECT ") + kWatchlistColumns + " FROM watchlists w WHERE w.watchlist_id = $1", id);
  if (r.empty()) return std::nullopt;
  return watchlist_from_row(r[0]);
}

std::vector<Entry> list_entries(pqxx::transaction_base& tx, const std::string& list) {
  if (!find_watchlist(tx, list)) throw RepositoryError("no watchlist '" + list + "'");
  std::vector<Entry> entries;
  for (const pqxx::row& r : tx.exec_params(std::string("SELECT ") + kEntryColumns +
                                               " FROM watchlist_entries e JOIN watchlists w USING (watchlist_id)"
                                               " WHERE e.watchlist_id = $1 ORDER BY e.entry_id",
                                           list)) {
    entries.push_back(entry_from_row(r));
  }
  return entries;
}

int64_t add_entry(pqxx::transaction_base& tx, const Entry& entry, const std::string& actor) {
  const std::optional<std::string> from = time_param(entry.valid_from_us, kOpenStart);
  const std::optional<std::string> until = time_param(entry.valid_until_us, kOpenEnd);
  std::optional<std::string> start, end;
  if (entry.active_hours) {
    start = std::to_string(entry.active_hours->start_minute);
    // "22:00-00:00" ends at midnight, which the table spells 1440.
    end = std::to_string(entry.active_hours->end_minute == 0 ? 24 * 60 : entry.active_hours->end_minute);
  }
  const pqxx::result r = tx.exec_params(
      "INSERT INTO watchlist_entries (watchlist_id, pattern, fuzzy, country, reason, priority, agency, visibility,"
      " valid_from, valid_until, active_start_minute, active_end_minute, created_by)"
      " SELECT w.watchlist_id, $2, $3, NULLIF($4, ''), $5, $6, coalesce(NULLIF($7, ''), w.agency), $8,"
      " 'epoch'::timestamptz + $9::bigint * interval '1 microsecond',"
      " 'epoch'::timestamptz + $10::bigint * interval '1 microsecond', $11::smallint, $12::smallint, $13"
      " FROM watchlists w WHERE w.watchlist_id = $1 RETURNING entry_id",
      entry.list, entry.pattern, entry.fuzzy, entry.country, entry.reason, entry.priority, entry.agency,
      entry.visibility == Visibility::kRestricted ? "restricted" : "shared", nullable(from), nullable(until),
      nullable(start), nullable(end), actor);
  if (r.empty()) throw RepositoryError("no watchlist '" + entry.list + "'");
  return r[0][0].as<int64_t>();
}

std::optional<Entry> remove_entry(pqxx::transaction_base& tx, int64_t entry_id) {
  const pqxx::result r =
      tx.exec_params(std::string("DELETE FROM watchlist_entries e USING watchlists w"
                                 " WHERE e.entry_id = $1 AND w.watchlist_id = e.watchlist_id RETURNING ") +
                         kEntryColumns,
                     entry_id);
  if (r.empty()) return std::nullopt;
  return entry_from_row(r[0]);
}

std::size_t import_entries(pqxx::transaction_base& tx, const std::string& list, const std::vector<Entry>& entries,
                           bool replace, const std::string& actor) {
  if (!find_watchlist(tx, list)) throw RepositoryError("no watchlist '" + list + "'");
  auto position = [&](std::size_t i) { return "entry " + std::to_string(i + 1) + " (plate " + entries[i].pattern + ")"; };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].list != list) {
      throw RepositoryError(position(i) + " is for list '" + entries[i].list + "', not '" + list + "'");
    }
  }
  if (replace) tx.exec_params0("DELETE FROM watchlist_entries WHERE watchlist_id = $1", list);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    try {
      add_entry(tx, entries[i], actor);
    } catch (const pqxx::sql_error& e) {
      throw RepositoryError(position(i) + " refused: " + short_message(e));
    }
  }
  return entries.size();
}

}  // namespace anpr::watchlist
