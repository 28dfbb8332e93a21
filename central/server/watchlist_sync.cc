// Watchlist rows into the index; see watchlist_sync.h.
#include "central/server/watchlist_sync.h"

#include "central/server/db_errors.h"

namespace anpr::central {

std::size_t apply_watchlist_changes(watchlist::Index& index, const watchlist::WatchlistChanges& changes,
                                    spdlog::logger& logger) {
  std::size_t upserted = 0;
  for (const watchlist::Entry& entry : changes.upserted) {
    try {
      index.upsert(entry);
      ++upserted;
    } catch (const std::exception& e) {
      index.remove(entry.id);
      logger.error("watchlist_entry_refused entry={} list={} error=\"{}\"", entry.id, entry.list, error_text(e));
    }
  }
  for (int64_t id : changes.removed) index.remove(id);
  return upserted;
}

}  // namespace anpr::central
