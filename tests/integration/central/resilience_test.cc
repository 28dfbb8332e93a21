// What an edge can rely on when the central or its database goes away: an
// Ack means the sighting is stored, nothing acked is lost across a restart
// of the server or of PostgreSQL, and while the database is down nothing is
// acked at all.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "central/store/pg_text.h"
#include "tests/integration/central/central_harness.h"
#include "tests/support/temp_postgres.h"

namespace anpr::central::testing {
namespace {

std::vector<v1::Sighting> sightings(int n, const std::string& prefix) {
  std::vector<v1::Sighting> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(make_sighting(prefix + std::to_string(1000 + i), kEdgeLv, kSiteLv, now_us() - kMinuteUs));
  }
  return out;
}

// Each of `batch` is stored exactly once.
void expect_stored_once(const CentralHarness& harness, const std::vector<v1::Sighting>& batch) {
  std::vector<std::string> ids;
  for (const auto& s : batch) ids.push_back(store::uuid_text(s.event_id()));
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings WHERE event_id = ANY('" + store::text_array(ids) +
                          "'::uuid[])"),
            static_cast<int64_t>(batch.size()));
  EXPECT_EQ(harness.count("SELECT count(*) - count(DISTINCT event_id) FROM sightings"), 0);
}

// The server's own sessions, cut off and kept out, as a database outage
// looks to it; every other database of the test server carries on.
void take_database_down(const std::string& db, bool down) {
  pqxx::connection admin(anpr::testing::shared_postgres().conninfo());
  pqxx::nontransaction tx(admin);
  tx.exec("ALTER DATABASE " + tx.quote_name(db) + (down ? " ALLOW_CONNECTIONS false" : " ALLOW_CONNECTIONS true"));
  if (down) {
    tx.exec_params("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", db);
  }
}

TEST(CentralResilience, ServerRestartMidStreamLosesNothingAcked) {
  CentralHarness harness("central_restart");
  harness.start();
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  const std::vector<v1::Sighting> all = sightings(300, "RS");
  for (std::size_t i = 0; i < 150; ++i) ASSERT_TRUE(client.send(all[i]));
  harness.stop();  // some of the first half committed and acked, maybe not all
  const std::set<std::string> acked_before = client.answers().acked;
  harness.start();
  ASSERT_TRUE(client.deliver_all(all, 30s));
  for (const std::string& id : acked_before) EXPECT_TRUE(client.answers().acked.contains(id));
  expect_stored_once(harness, all);
  EXPECT_TRUE(client.answers().rejected.empty());
}

TEST(CentralResilience, NothingIsAckedWhileTheDatabaseIsDownAndAllIsStoredAfter) {
  CentralHarness harness("central_db_outage");
  harness.start();
  const std::string db = pqxx::connection(harness.conninfo()).dbname();
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  const std::vector<v1::Sighting> before = sightings(5, "BF");
  ASSERT_TRUE(client.deliver_all(before, kPatience));

  take_database_down(db, true);
  const std::vector<v1::Sighting> during = sightings(20, "DN");
  for (const auto& s : during) ASSERT_TRUE(client.send(s));
  client.collect(2s, [] { return false; });
  for (const auto& s : during) EXPECT_FALSE(client.answers().acked.contains(s.event_id()));
  EXPECT_TRUE(eventually(kPatience, [&] { return harness.logged("database_unavailable role=writer"); }));

  take_database_down(db, false);
  ASSERT_TRUE(client.deliver_all(during, 30s));
  EXPECT_TRUE(harness.logged("database_available role=writer"));
  expect_stored_once(harness, before);
  expect_stored_once(harness, during);
}

TEST(CentralResilience, DatabaseRestartMidStreamLosesNothing) {
  CentralHarness harness("central_db_restart");
  harness.start();
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  const std::vector<v1::Sighting> all = sightings(200, "DR");
  for (std::size_t i = 0; i < 100; ++i) ASSERT_TRUE(client.send(all[i]));
  anpr::testing::shared_postgres().restart();
  ASSERT_TRUE(client.deliver_all(all, 30s));
  expect_stored_once(harness, all);
  // Every ack was for a committed row: none of them is missing after the restart.
  EXPECT_EQ(client.answers().acked.size(), all.size());
}

}  // namespace
}  // namespace anpr::central::testing
