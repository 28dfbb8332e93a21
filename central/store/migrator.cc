// Applying migrations; see migrator.h. Every step re-reads the history under
// the lock inside its own transaction, so the lock is a transaction-scoped
// one and nothing depends on session state that a reconnect would lose.
#include "central/store/migrator.h"

#include <chrono>

#include <pqxx/result>
#include <pqxx/transaction>
#include <spdlog/spdlog.h>

#include "central/store/migration_plan.h"

namespace anpr::store {

namespace {

// The ASCII of "anpr_mig" read as a big-endian int8.
constexpr long long kMigrationLockKey = 7020672505646770535LL;

constexpr const char* kCreateHistory = R"sql(
CREATE TABLE schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
))sql";

std::vector<AppliedMigration> read_history(pqxx::transaction_base& tx) {
  if (tx.exec1("SELECT to_regclass('schema_migrations') IS NULL")[0].as<bool>()) {
    tx.exec0(kCreateHistory);
    return {};
  }
  std::vector<AppliedMigration> applied;
  for (const pqxx::row& row : tx.exec("SELECT version, name, checksum FROM schema_migrations ORDER BY version")) {
    applied.push_back({row[0].as<int>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  return applied;
}

}  // namespace

MigrationReport migrate(pqxx::connection_base& conn, std::span<const Migration> migrations) {
  MigrationReport report;
  for (;;) {
    pqxx::work tx(conn, "migrate");
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
    std::vector<AppliedMigration> applied = read_history(tx);
    std::vector<Migration> pending = pending_migrations(applied, migrations);
    if (pending.empty()) {
      tx.commit();
      report.schema_version = applied.empty() ? 0 : applied.back().version;
      spdlog::info("schema_ready version={} applied_now={}", report.schema_version, report.applied.size());
      return report;
    }

    const Migration& next = pending.front();
    auto started = std::chrono::steady_clock::now();
    tx.exec(std::string(next.sql), "migration " + std::string(next.name));
    tx.exec_params0("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", next.version,
                    std::string(next.name), std::string(next.checksum));
    tx.commit();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    spdlog::info("schema_migrated version={} name={} ms={}", next.version, next.name, ms.count());
    report.applied.push_back(next.version);
  }
}

}  // namespace anpr::store
