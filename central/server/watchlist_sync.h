// Applying watchlist entries read from the database (all of them at
// start-up, the changed ones on every poll) to the in-memory index the
// alert pass matches against. One bad row must not keep every other entry,
// or every later change, out of the index, so a refused entry is logged
// and skipped.
#pragma once

#include <cstddef>

#include <spdlog/spdlog.h>

#include "central/watchlist/watchlist_index.h"
#include "central/watchlist/watchlist_repository.h"

namespace anpr::central {

// Upserts and removes as `changes` says; an entry the index refuses (a
// pattern that is not normalised) is logged and removed from the index.
// Returns how many entries were upserted.
std::size_t apply_watchlist_changes(watchlist::Index& index, const watchlist::WatchlistChanges& changes,
                                    spdlog::logger& logger);

}  // namespace anpr::central
