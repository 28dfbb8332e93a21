// No alert is lost to a crash between a batch's commit and its alert pass:
// a running anpr-central leaves no alert backlog behind, and one starting
// on a backlog a crash left runs those passes, publishes and stores their
// alerts once, and skips sightings that retention has removed since.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "central/store/migrator.h"
#include "central/store/pg_text.h"
#include "central/store/sighting_writer.h"
#include "central/watchlist/watchlist_repository.h"
#include "tests/integration/central/central_harness.h"

namespace anpr::central::testing {
namespace {

class CentralBacklog : public ::testing::Test {
 protected:
  CentralHarness harness{"central_backlog"};

  void SetUp() override {
    pqxx::connection conn(harness.conninfo());
    store::migrate(conn);
    pqxx::work tx(conn);
    watchlist::Watchlist list;
    list.id = "stolen-lv";
    list.agency = "vrs";
    watchlist::create_watchlist(tx, list, "test");
    watchlist::Entry entry;
    entry.list = list.id;
    entry.pattern = "AB1234";
    entry.reason = "stolen vehicle";
    entry.priority = 4;
    watchlist::add_entry(tx, entry, "test");
    tx.commit();
  }

  AlertSubscriber subscriber() {
    return AlertSubscriber(harness.endpoints().alerts, harness.server_keys(), harness.subscriber_keys("vrs"), "vrs.");
  }

  int64_t backlog() const { return harness.count("SELECT count(*) FROM alert_backlog"); }
};

TEST_F(CentralBacklog, AFinishedAlertPassLeavesNoBacklog) {
  harness.start();
  AlertSubscriber vrs = subscriber();
  settle_subscriptions();
  EdgeClient edge(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  const int64_t t = now_us() - kMinuteUs;
  ASSERT_TRUE(edge.deliver_all({make_sighting("AB1234", kEdgeLv, kSiteLv, t),
                                make_sighting("ZZ0000", kEdgeLv, kSiteLv, t + 1)},
                               kPatience));
  EXPECT_EQ(vrs.for_plate("AB1234", kPatience, 1).size(), 1u);
  EXPECT_TRUE(eventually(kPatience, [&] { return backlog() == 0; }));
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings"), 2);
}

TEST_F(CentralBacklog, StartUpRunsTheAlertPassesACrashCutOffAndRaisesNothingTwice) {
  // What a crash after the writer's commit leaves: the sightings stored (and
  // acked) with their backlog row, and no alert. A second row names a
  // sighting that retention has removed since.
  v1::Sighting wanted = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - 5 * kMinuteUs);
  {
    pqxx::connection conn(harness.conninfo());
    evidence_store::EvidenceWriter evidence({harness.evidence_dir()}, 0);
    store::BatchResult written = store::SightingWriter(conn, evidence)
                                     .write_batch({wanted, make_sighting("ZZ0000", kEdgeLv, kSiteLv, now_us())});
    ASSERT_EQ(written.backlog_batch.value_or(0), 1);
    pqxx::work tx(conn);
    tx.exec("INSERT INTO alert_backlog (event_ids) VALUES (ARRAY[gen_random_uuid()])");
    tx.commit();
  }
  ASSERT_EQ(backlog(), 2);

  // The recovered pass is held on its backlog row until the subscriber is
  // in: the alert is published once, at recovery, and a subscriber that
  // connects later would miss it.
  pqxx::connection holder(harness.conninfo());
  pqxx::work hold(holder);
  hold.exec("SELECT 1 FROM alert_backlog FOR UPDATE");
  harness.start();
  AlertSubscriber vrs = subscriber();
  settle_subscriptions();
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts"), 0);
  hold.commit();

  auto got = vrs.for_plate("AB1234", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vrs.critical");
  EXPECT_EQ(got[0].alert.sighting().event_id(), wanted.event_id());
  EXPECT_EQ(got[0].alert.sighting().captured_at_us(), wanted.captured_at_us());
  EXPECT_EQ(got[0].alert.sighting().plate_jpeg(), wanted.plate_jpeg());
  ASSERT_TRUE(eventually(kPatience, [&] { return backlog() == 0; }));
  EXPECT_TRUE(harness.logged("alert_backlog_recovered batch_id=1 sightings=2 alerts=1"));
  EXPECT_TRUE(harness.logged("alert_backlog_gone batch_id=2 sightings=1"));
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts WHERE event_id = '" + store::uuid_text(wanted.event_id()) +
                          "'"),
            1);

  // The edge never heard of the crash and resends: a duplicate, no alert.
  EdgeClient edge(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  ASSERT_TRUE(edge.deliver_all({wanted}, kPatience));
  EXPECT_TRUE(vrs.for_plate("AB1234", kQuiet).empty());
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts"), 1);
  EXPECT_EQ(backlog(), 0);
}

}  // namespace
}  // namespace anpr::central::testing
