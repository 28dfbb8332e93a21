// The throwaway PostgreSQL harness itself: a real server answers through
// libpqxx 6.4, databases are isolated, and a restart keeps committed rows.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/support/temp_postgres.h"

namespace {

using anpr::testing::shared_postgres;

TEST(PostgresHarness, ConnectsThroughLibpqxx) {
  pqxx::connection conn(shared_postgres().conninfo());
  pqxx::work tx(conn);
  pqxx::row row = tx.exec1("SELECT current_setting('server_version_num')::int");
  EXPECT_GE(row[0].as<int>(), 150000);
}

TEST(PostgresHarness, FreshDatabasesAreIsolated) {
  std::string a = shared_postgres().fresh_database("iso");
  std::string b = shared_postgres().fresh_database("iso");
  ASSERT_NE(a, b);
  {
    pqxx::connection conn(a);
    pqxx::work tx(conn);
    tx.exec0("CREATE TABLE t (v int)");
    tx.exec0("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  pqxx::connection conn(b);
  pqxx::work tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM pg_tables WHERE tablename = 't'")[0].as<int>(), 0);
}

TEST(PostgresHarness, RestartKeepsCommittedRows) {
  std::string db = shared_postgres().fresh_database("restart");
  {
    pqxx::connection conn(db);
    pqxx::work tx(conn);
    tx.exec0("CREATE TABLE t (v text)");
    tx.exec0("INSERT INTO t VALUES ('AB-1234')");
    tx.commit();
  }
  shared_postgres().restart();
  pqxx::connection conn(db);
  pqxx::work tx(conn);
  EXPECT_EQ(tx.exec1("SELECT v FROM t")[0].as<std::string>(), "AB-1234");
}

}  // namespace
