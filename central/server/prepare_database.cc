// Start-up database work; see prepare_database.h.
#include "central/server/prepare_database.h"

#include "central/server/edge_keys.h"
#include "central/server/site_sync.h"
#include "central/server/watchlist_sync.h"
#include "central/store/migrator.h"

namespace anpr::central {

void migrate_schema(pqxx::connection_base& conn, spdlog::logger& logger) {
  store::MigrationReport report = store::migrate(conn);
  logger.info("schema_ready version={} applied_now={}", report.schema_version, report.applied.size());
}

LoadedState prepare_database(pqxx::connection_base& conn, const CentralConfig& config, watchlist::Index& index,
                             spdlog::logger& logger) {
  migrate_schema(conn, logger);
  sync_sites(conn, config.correlation.sites, config.site_ids);
  LoadedState state;
  state.cursor = watchlist::change_cursor(conn);
  watchlist::WatchlistChanges everything;
  everything.upserted = watchlist::load_entries(conn);
  apply_watchlist_changes(index, everything, logger);
  state.enrolled = enrolled_edge_keys(conn);
  logger.info("database_ready sites={} watchlist_entries={} enrolled_edge_keys={}", config.site_ids.size(),
              index.size(), state.enrolled.size());
  return state;
}

}  // namespace anpr::central
