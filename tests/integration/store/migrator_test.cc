// Migrations against a real PostgreSQL: from an empty database, repeated,
// with a history that does not match the binary, failing half-way, and two
// servers starting at once.
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include <pqxx/pqxx>

#include "central/store/migrator.h"
#include "central/store/store_error.h"
#include "tests/support/temp_postgres.h"

namespace anpr::store {
namespace {

using anpr::testing::shared_postgres;

std::vector<Migration> embedded_plus(std::vector<Migration> extra) {
  std::vector<Migration> all(embedded_migrations().begin(), embedded_migrations().end());
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

int count(pqxx::connection& conn, const std::string& query) {
  pqxx::nontransaction tx(conn);
  return tx.exec1(query)[0].as<int>();
}

int latest_version() { return embedded_migrations().back().version; }

TEST(Migrator, MigratesAnEmptyDatabase) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_empty"));
  MigrationReport report = migrate(conn);
  ASSERT_EQ(report.applied.size(), embedded_migrations().size());
  EXPECT_EQ(report.applied.front(), 1);
  EXPECT_EQ(report.schema_version, latest_version());

  pqxx::nontransaction tx(conn);
  for (const Migration& m : embedded_migrations()) {
    pqxx::row row = tx.exec_params1("SELECT name, checksum FROM schema_migrations WHERE version = $1", m.version);
    EXPECT_EQ(row[0].as<std::string>(), m.name);
    EXPECT_EQ(row[1].as<std::string>(), m.checksum);
  }
  EXPECT_EQ(tx.exec1("SELECT relkind FROM pg_class WHERE relname = 'sightings'")[0].as<std::string>(), "p");
  for (const char* table : {"sites", "cameras", "edge_keys", "sighting_ids", "sighting_evidence", "watchlists",
                            "watchlist_entries", "alerts", "alert_dispositions", "crossings", "audit_log"}) {
    EXPECT_FALSE(tx.exec_params1("SELECT to_regclass($1) IS NULL", std::string(table))[0].as<bool>()) << table;
  }
}

TEST(Migrator, SecondRunChangesNothing) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_twice"));
  migrate(conn);
  std::string applied_at = pqxx::nontransaction(conn).exec1("SELECT max(applied_at)::text FROM schema_migrations")[0].c_str();
  MigrationReport again = migrate(conn);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.schema_version, latest_version());
  EXPECT_EQ(count(conn, "SELECT count(*) FROM schema_migrations"), latest_version());
  EXPECT_EQ(pqxx::nontransaction(conn).exec1("SELECT max(applied_at)::text FROM schema_migrations")[0].c_str(),
            applied_at);
}

TEST(Migrator, ChangedChecksumIsRefusedAndNothingRuns) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_changed"));
  migrate(conn);
  std::vector<Migration> edited = embedded_plus({{latest_version() + 1, "next", "c-next", "CREATE TABLE next_one (x int)"}});
  edited[0].checksum = "0000000000000000000000000000000000000000000000000000000000000000";
  try {
    migrate(conn, edited);
    FAIL() << "an edited migration was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("changed after it was applied"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(conn, "SELECT count(*) FROM pg_class WHERE relname = 'next_one'"), 0);
}

TEST(Migrator, AppliesOnlyNewMigrations) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_new"));
  migrate(conn);
  int next = latest_version() + 1;
  MigrationReport report = migrate(conn, embedded_plus({{next, "add_note", "c-note", "ALTER TABLE sites ADD note text"}}));
  EXPECT_EQ(report.applied, std::vector<int>{next});
  EXPECT_EQ(report.schema_version, next);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'sites' AND column_name = 'note'"), 1);
}

TEST(Migrator, DatabaseFromANewerBinaryIsRefused) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_newer"));
  migrate(conn, embedded_plus({{latest_version() + 1, "future", "c-future", "CREATE TABLE future (x int)"}}));
  EXPECT_THROW(migrate(conn), StoreError);
}

TEST(Migrator, FailingMigrationLeavesNoTrace) {
  pqxx::connection conn(shared_postgres().fresh_database("migrate_broken"));
  migrate(conn);
  int next = latest_version() + 1;
  EXPECT_THROW(migrate(conn, embedded_plus({{next, "broken", "c-broken", "CREATE TABLE half (x int); SELECT 1/0"}})),
               pqxx::sql_error);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM pg_class WHERE relname = 'half'"), 0);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM schema_migrations WHERE version = " + std::to_string(next)), 0);
}

TEST(Migrator, ConcurrentServersApplyEachMigrationOnce) {
  std::string db = shared_postgres().fresh_database("migrate_race");
  auto run = [&db] {
    pqxx::connection conn(db);
    return migrate(conn);
  };
  auto a = std::async(std::launch::async, run);
  auto b = std::async(std::launch::async, run);
  MigrationReport ra = a.get();
  MigrationReport rb = b.get();
  EXPECT_EQ(ra.applied.size() + rb.applied.size(), embedded_migrations().size());
  EXPECT_EQ(ra.schema_version, latest_version());
  EXPECT_EQ(rb.schema_version, latest_version());
}

}  // namespace
}  // namespace anpr::store
