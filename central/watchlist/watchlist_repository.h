// Watchlists in PostgreSQL (tables watchlists and watchlist_entries,
// migrations 0002 and 0004): loading every entry for the central's matcher,
// following later edits without a restart, and the edits themselves.
//
// Following edits: take a cursor with change_cursor() BEFORE load_entries(),
// then call poll_changes() now and then, passing the cursor it returned last.
// Nothing committed after a cursor was taken is ever missed, whatever order
// concurrent writers commit in (see migration 0004 for why a snapshot and not
// a counter); an entry loaded and also reported changed is simply upserted
// again.
//
// Edits take the caller's transaction so that the caller can write the audit
// record (central/store/audit_log.h) in the same one: the change and its
// record commit together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <pqxx/connection_base>
#include <pqxx/transaction_base>

#include "central/watchlist/watchlist_entry.h"

namespace anpr::watchlist {

// A refused edit: an unknown list or entry, a list that exists already, an
// imported entry that does not fit. PostgreSQL's own errors stay pqxx's.
class RepositoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Watchlist {
  std::string id;           // a-z, 0-9, '-'
  std::string agency;       // owning agency; entries default to it
  std::string description;
  plate::MatchTolerance tolerance;  // applies to the list's fuzzy entries
  int64_t created_at_us = 0;        // set by the store
  std::string created_by;           // set by the store
  int64_t entry_count = 0;          // set by the store
};

// Where a follower of the watchlists stands: the snapshot of its last poll.
// Opaque; only poll_changes reads it.
struct ChangeCursor {
  std::string snapshot;
};

struct WatchlistChanges {
  std::vector<Entry> upserted;   // added or changed, as they are now
  std::vector<int64_t> removed;  // entry ids that no longer exist
  ChangeCursor next;             // pass to the next poll_changes
};

// Every entry of every list, in id order, each with its list's tolerance.
std::vector<Entry> load_entries(pqxx::connection_base& conn);

// The cursor a follower starts from; take it before load_entries.
ChangeCursor change_cursor(pqxx::connection_base& conn);

// The entries changed since `since` was taken, each reported once as it is
// now. Throws RepositoryError for a cursor this function did not make.
WatchlistChanges poll_changes(pqxx::connection_base& conn, const ChangeCursor& since);

// Creates an empty list. Throws RepositoryError when the id is taken.
void create_watchlist(pqxx::transaction_base& tx, const Watchlist& list, const std::string& actor);

std::vector<Watchlist> list_watchlists(pqxx::transaction_base& tx);
std::optional<Watchlist> find_watchlist(pqxx::transaction_base& tx, const std::string& id);

// The entries of one list, in id order. Throws RepositoryError for an
// unknown list.
std::vector<Entry> list_entries(pqxx::transaction_base& tx, const std::string& list);

// Adds `entry` to its list (entry.list) and returns its new id; its id field
// is ignored and an empty agency becomes the list's. Throws RepositoryError
// for an unknown list.
int64_t add_entry(pqxx::transaction_base& tx, const Entry& entry, const std::string& actor);

// Removes an entry and returns it as it was; nullopt when there is none.
std::optional<Entry> remove_entry(pqxx::transaction_base& tx, int64_t entry_id);

// Adds `entries`, all for `list`, after removing the list's current entries
// when `replace` is set; returns how many were added. Any refused entry
// throws RepositoryError naming its position and plate; roll the transaction
// back then and the list is as it was.
std::size_t import_entries(pqxx::transaction_base& tx, const std::string& list, const std::vector<Entry>& entries,
                           bool replace, const std::string& actor);

}  // namespace anpr::watchlist
