// What the database must hold before the server takes its first sighting:
// the schema at this binary's version, the configured sites, and the
// watchlists loaded into the in-memory index with a change cursor to follow
// them from. Also what `anpr-central migrate` runs, without the loading.
#pragma once

#include <vector>

#include <pqxx/connection_base>
#include <spdlog/spdlog.h>

#include "central/server/central_config.h"
#include "central/watchlist/watchlist_index.h"
#include "central/watchlist/watchlist_repository.h"

namespace anpr::central {

// Applies pending migrations and logs what it did. Throws store::StoreError
// when the database's schema history does not fit this binary.
void migrate_schema(pqxx::connection_base& conn, spdlog::logger& logger);

struct LoadedState {
  watchlist::ChangeCursor cursor;   // taken before the entries were read
  std::vector<ListedKey> enrolled;  // active keys of the edge_keys table
};

// migrate_schema, then the sites, then every watchlist entry into `index`
// (an entry the index refuses is logged and left out), then the enrolled
// edge keys.
LoadedState prepare_database(pqxx::connection_base& conn, const CentralConfig& config, watchlist::Index& index,
                             spdlog::logger& logger);

}  // namespace anpr::central
