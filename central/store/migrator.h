// Bringing a database's schema up to this binary's: run at anpr-central
// start-up and by `anpr-central migrate`. Each migration runs in its own
// transaction together with its schema_migrations row (version, name,
// checksum, applied_at), so a migration is either wholly applied and
// recorded or not at all. Two central processes starting together take
// turns through an advisory lock instead of both running the same DDL.
//
// Migration files must not contain transaction control or statements that
// cannot run inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM).
#pragma once

#include <span>
#include <vector>

#include <pqxx/connection_base>

#include "central/store/migration.h"

namespace anpr::store {

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this call, in order
  int schema_version = 0;    // highest version recorded afterwards
};

// Applies every migration of `migrations` that the database lacks. Throws
// StoreError (see pending_migrations) when the recorded history disagrees
// with `migrations`; the database is then left untouched. A failing
// migration's pqxx error propagates after the ones before it committed.
MigrationReport migrate(pqxx::connection_base& conn,
                        std::span<const Migration> migrations = embedded_migrations());

}  // namespace anpr::store
