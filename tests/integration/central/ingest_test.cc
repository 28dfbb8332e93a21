// anpr-central's ingest path end to end: real CURVE sockets on 127.0.0.1, a
// real PostgreSQL, the server running in-process. What an edge sees (Acks,
// Rejects, silence) and what ends up in the database.
#include <gtest/gtest.h>

#include <thread>

#include <pqxx/pqxx>

#include "anpr/wire.h"
#include "central/evidence/evidence_reader.h"
#include "central/store/pg_text.h"
#include "tests/integration/central/central_harness.h"

namespace anpr::central::testing {
namespace {

class CentralIngest : public ::testing::Test {
 protected:
  CentralHarness harness{"central_ingest"};

  void SetUp() override { harness.start(); }

  EdgeClient edge(const std::string& edge_id = kEdgeLv) {
    return EdgeClient(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(edge_id));
  }

  int64_t stored(const v1::Sighting& s) const {
    return harness.count("SELECT count(*) FROM sightings WHERE event_id = '" + store::uuid_text(s.event_id()) + "'");
  }
};

TEST_F(CentralIngest, StartsOnAnEmptyDatabaseByMigratingItAndWritingTheSites) {
  EXPECT_GE(harness.count("SELECT max(version) FROM schema_migrations"), 4);
  EXPECT_EQ(harness.count("SELECT count(*) FROM sites"), 3);
  EXPECT_EQ(harness.count("SELECT count(*) FROM sites WHERE site_id = 'lt-zarasai' AND country = 'LT'"), 1);
}

TEST_F(CentralIngest, SightingIsStoredOnceAndAckedAfterCommit) {
  EdgeClient client = edge();
  v1::Sighting s = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({s}, kPatience));
  EXPECT_TRUE(client.answers().acked.contains(s.event_id()));
  // The ack came after the commit: the row is there the moment the ack is.
  EXPECT_EQ(stored(s), 1);
  EXPECT_EQ(harness.counters().stored.load(), 1u);
  // Its image was on disk before the commit, where the row says it is.
  pqxx::connection conn(harness.conninfo());
  pqxx::row at = pqxx::nontransaction(conn).exec_params1(
      "SELECT segment_id, segment_offset FROM sighting_evidence WHERE event_id = $1::uuid",
      store::uuid_text(s.event_id()));
  EXPECT_EQ(evidence_store::read_evidence(harness.evidence_dir(), s.event_id(), s.captured_at_us(),
                                          {at[0].as<uint64_t>(), at[1].as<uint64_t>()})
                .plate_jpeg,
            s.plate_jpeg());
}

TEST_F(CentralIngest, ReplayIsAckedAgainButStoredOnce) {
  EdgeClient client = edge();
  v1::Sighting s = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({s}, kPatience));
  client.answers().acked.clear();
  ASSERT_TRUE(client.deliver_all({s}, kPatience));  // as after a lost ack
  EXPECT_TRUE(client.answers().acked.contains(s.event_id()));
  EXPECT_EQ(stored(s), 1);
  EXPECT_EQ(harness.counters().duplicates.load(), 1u);
}

// Two connections of one edge (a restart with the old socket still
// draining) send the same sightings at once: batches holding the same ids
// reach the writers side by side, and each sighting is still stored once
// and acked to both.
TEST_F(CentralIngest, SameSightingsFromTwoConnectionsAtOnceAreStoredOnceAndAckedToBoth) {
  std::vector<v1::Sighting> burst;
  for (int i = 0; i < 1200; ++i) {
    burst.push_back(make_sighting("KR" + std::to_string(1000 + i), kEdgeLv, kSiteLv, now_us() - kMinuteUs));
  }
  EdgeClient first = edge();
  EdgeClient second = edge();
  bool first_done = false;
  bool second_done = false;
  std::thread a([&] { first_done = first.deliver_all(burst, kPatience); });
  std::thread b([&] { second_done = second.deliver_all(burst, kPatience); });
  a.join();
  b.join();
  ASSERT_TRUE(first_done && second_done);
  EXPECT_EQ(first.answers().acked.size(), burst.size());
  EXPECT_EQ(second.answers().acked.size(), burst.size());
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings WHERE plate_text LIKE 'KR%'"), 1200);
  EXPECT_EQ(harness.count("SELECT count(*) FROM sighting_ids"), 1200);
  EXPECT_EQ(harness.counters().stored.load(), 1200u);
  EXPECT_EQ(harness.counters().batches_failed.load(), 0u);
}

TEST_F(CentralIngest, BatchFromTwoEdgesAcksEachEdgeItsOwnSightings) {
  EdgeClient lv = edge(kEdgeLv);
  EdgeClient lt = edge(kEdgeLt);
  std::vector<v1::Sighting> from_lv, from_lt;
  for (int i = 0; i < 20; ++i) {
    from_lv.push_back(make_sighting("LV" + std::to_string(1000 + i), kEdgeLv, kSiteLv, now_us() - kMinuteUs));
    from_lt.push_back(make_sighting("LT" + std::to_string(1000 + i), kEdgeLt, kSiteLt, now_us() - kMinuteUs));
  }
  for (const auto& s : from_lv) ASSERT_TRUE(lv.send(s));
  for (const auto& s : from_lt) ASSERT_TRUE(lt.send(s));
  ASSERT_TRUE(lv.deliver_all(from_lv, kPatience));
  ASSERT_TRUE(lt.deliver_all(from_lt, kPatience));
  for (const auto& s : from_lt) EXPECT_FALSE(lv.answers().acked.contains(s.event_id()));
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings"), 40);
}

TEST_F(CentralIngest, GarbageAndMalformedMessagesAreRefusedCountedAndDoNotStopTheServer) {
  EdgeClient client = edge();
  ASSERT_TRUE(client.send_raw("\xff\xff\xff garbage that is no protobuf"));
  v1::Envelope no_version;
  no_version.set_message_id(77);
  *no_version.mutable_sighting() = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us());
  ASSERT_TRUE(client.send_raw(no_version.SerializeAsString()));
  v1::Envelope alert_from_edge;
  alert_from_edge.set_schema_version(proto::kSchemaVersion);
  alert_from_edge.set_message_id(78);
  alert_from_edge.mutable_alert()->set_agency("vrs");
  ASSERT_TRUE(client.send_raw(alert_from_edge.SerializeAsString()));
  client.collect(kPatience, [&] { return client.answers().anonymous_rejects.size() >= 3; });

  ASSERT_EQ(client.answers().anonymous_rejects.size(), 3u);
  std::map<v1::RejectReason, uint64_t> by_reason;
  for (const v1::Reject& r : client.answers().anonymous_rejects) by_reason[r.reason()] = r.message_id();
  EXPECT_EQ(by_reason.at(v1::REJECT_REASON_MALFORMED), 0u);
  EXPECT_EQ(by_reason.at(v1::REJECT_REASON_UNSUPPORTED_VERSION), 77u);
  EXPECT_EQ(by_reason.at(v1::REJECT_REASON_NOT_ACCEPTED), 78u);
  EXPECT_EQ(harness.counters().refused_total(), 3u);
  EXPECT_TRUE(harness.logged("message_refused edge=edge-lv-1 reason=MALFORMED"));

  v1::Sighting good = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({good}, kPatience));
  EXPECT_EQ(stored(good), 1);
}

TEST_F(CentralIngest, OversizedMessageCostsOnlyItsSendersConnection) {
  EdgeClient big_sender(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv), 4 << 20);
  EdgeClient other = edge(kEdgeLt);
  v1::Sighting huge = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  huge.set_overview_jpeg(std::string(600 * 1024, 'x'));  // over the test server's 256 KiB
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(1);
  *envelope.mutable_sighting() = huge;
  ASSERT_TRUE(big_sender.send_raw(envelope.SerializeAsString()));

  v1::Sighting good = make_sighting("CD5678", kEdgeLt, kSiteLt, now_us() - kMinuteUs);
  ASSERT_TRUE(other.deliver_all({good}, kPatience));
  EXPECT_EQ(stored(good), 1);
  EXPECT_EQ(stored(huge), 0);

  // The sender reconnects by itself and its next normal message goes through.
  v1::Sighting after = make_sighting("EF9012", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(big_sender.deliver_all({after}, kPatience));
  EXPECT_EQ(stored(after), 1);
}

TEST_F(CentralIngest, UnknownCurveKeyIsRefusedAndNothingItSendsIsProcessed) {
  const transport::CurveKeyPair stranger = transport::generate_curve_key_pair();
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), stranger);
  v1::Sighting s = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  EXPECT_FALSE(client.deliver_all({s}, kQuiet));
  EXPECT_EQ(harness.counters().messages.load(), 0u);
  EXPECT_EQ(stored(s), 0);
  EXPECT_TRUE(harness.logged("zap_refused"));
}

TEST_F(CentralIngest, SightingClaimingAnotherEdgeIsRejectedAsWrongSender) {
  EdgeClient client = edge(kEdgeLv);
  v1::Sighting forged = make_sighting("AB1234", kEdgeLt, kSiteLt, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({forged}, kPatience));
  ASSERT_TRUE(client.answers().rejected.contains(forged.event_id()));
  const v1::Reject& reject = client.answers().rejected.at(forged.event_id());
  EXPECT_EQ(reject.reason(), v1::REJECT_REASON_WRONG_SENDER);
  EXPECT_NE(reject.message_id(), 0u);
  EXPECT_NE(reject.detail().find("edge-lt-1"), std::string::npos) << reject.detail();
  EXPECT_EQ(stored(forged), 0);
}

TEST_F(CentralIngest, SightingBreakingAFieldRuleIsRejectedNamingTheField) {
  EdgeClient client = edge();
  v1::Sighting lower = make_sighting("ab1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  v1::Sighting future = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() + 48LL * 60 * kMinuteUs);
  v1::Sighting confident = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  confident.set_read_confidence(1.5f);
  ASSERT_TRUE(client.deliver_all({lower, future, confident}, kPatience));
  for (const auto& [s, field] : {std::pair{&lower, "plate_text"}, {&future, "captured_at_us"},
                                 {&confident, "read_confidence"}}) {
    ASSERT_TRUE(client.answers().rejected.contains(s->event_id())) << field;
    const v1::Reject& r = client.answers().rejected.at(s->event_id());
    EXPECT_EQ(r.reason(), v1::REJECT_REASON_INVALID_FIELD) << field;
    EXPECT_NE(r.detail().find(field), std::string::npos) << r.detail();
  }
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings"), 0);
}

TEST_F(CentralIngest, HeartbeatsAreCountedAndOnesForAnotherEdgeRejected) {
  EdgeClient client = edge();
  v1::Heartbeat hb;
  hb.set_edge_id(kEdgeLv);
  hb.set_uptime_s(10);
  auto* camera = hb.add_cameras();
  camera->set_camera_id("lv-grebneva-cam-1");
  camera->set_state(v1::CAMERA_STATE_STREAMING);
  ASSERT_TRUE(client.send_heartbeat(hb));
  v1::Heartbeat forged = hb;
  forged.set_edge_id(kEdgeLt);
  ASSERT_TRUE(client.send_heartbeat(forged));
  client.collect(kPatience, [&] { return !client.answers().anonymous_rejects.empty(); });
  ASSERT_EQ(client.answers().anonymous_rejects.size(), 1u);
  EXPECT_EQ(client.answers().anonymous_rejects[0].reason(), v1::REJECT_REASON_WRONG_SENDER);
  EXPECT_EQ(harness.counters().heartbeats.load(), 1u);
  EXPECT_TRUE(harness.logged("edge_up edge=edge-lv-1"));
  EXPECT_TRUE(eventually(5s, [&] { return harness.logged("edge_stale edge=edge-lv-1"); }));
}

TEST_F(CentralIngest, EdgeKeyEnrolledInTheDatabaseIsAdmittedAndRevokedWithoutRestart) {
  const transport::CurveKeyPair box = transport::generate_curve_key_pair();
  {
    pqxx::connection conn(harness.conninfo());
    pqxx::work tx(conn);
    tx.exec_params("INSERT INTO edge_keys (public_key, edge_id, added_by) VALUES ($1, 'edge-new-1', 'test')",
                   box.public_key);
    tx.commit();
  }
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), box);
  v1::Sighting s = make_sighting("AB1234", "edge-new-1", kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({s}, kPatience));
  EXPECT_TRUE(client.answers().acked.contains(s.event_id()));

  {
    pqxx::connection conn(harness.conninfo());
    pqxx::work tx(conn);
    tx.exec("UPDATE edge_keys SET revoked_at = now(), revoked_by = 'test' WHERE edge_id = 'edge-new-1'");
    tx.commit();
  }
  std::this_thread::sleep_for(800ms);  // four refresh intervals
  v1::Sighting after = make_sighting("AB1234", "edge-new-1", kSiteLv, now_us() - kMinuteUs);
  EXPECT_FALSE(client.deliver_all({after}, kQuiet));
  EXPECT_EQ(stored(after), 0);
  EXPECT_TRUE(harness.logged("router_peer_revoked"));
}

}  // namespace
}  // namespace anpr::central::testing
