// The alert backlog against a real PostgreSQL: write_batch enters one row
// per batch holding exactly its fresh ids (none for a pure replay), a claim
// succeeds once, and stored sightings read back as the wire sightings the
// writer was given, retention-deleted ones reported missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <google/protobuf/util/message_differencer.h>
#include <pqxx/pqxx>

#include "central/store/alert_backlog.h"
#include "central/store/sighting_writer.h"
#include "central/store/stored_sighting.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::store {
namespace {

using testing::ids_of;
using testing::kHourUs;
using testing::make_sighting;
using testing::migrated_database;
using testing::now_us;
using testing::ScratchEvidence;

// The ids of a batch, in no particular order: the ledger takes them in
// event-id order (sighting_writer.cc), not in the order they came.
std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<BacklogBatch> backlog(pqxx::connection& conn) {
  pqxx::read_transaction tx(conn);
  return pending_backlog(tx);
}

TEST(AlertBacklog, EachBatchEntersItsFreshIdsOnceAndAReplayNothing) {
  pqxx::connection conn(migrated_database("backlog_rows"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t t = now_us() - kHourUs;
  std::vector<v1::Sighting> first = {make_sighting("AB1234", t), make_sighting("CD5678", t + 1)};
  std::vector<v1::Sighting> second = {first[1], make_sighting("EF9012", t + 2)};

  BatchResult a = writer.write_batch(first);
  BatchResult b = writer.write_batch(second);
  BatchResult replay = writer.write_batch(first);

  ASSERT_TRUE(a.backlog_batch && b.backlog_batch);
  EXPECT_LT(*a.backlog_batch, *b.backlog_batch);
  EXPECT_FALSE(replay.backlog_batch);
  std::vector<BacklogBatch> rows = backlog(conn);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].batch_id, *a.backlog_batch);
  EXPECT_EQ(sorted(rows[0].event_ids), sorted(ids_of(first)));
  EXPECT_EQ(rows[1].batch_id, *b.backlog_batch);
  EXPECT_EQ(rows[1].event_ids, std::vector<std::string>{second[1].event_id()});

  pqxx::work tx(conn);
  EXPECT_TRUE(claim_backlog(tx, *a.backlog_batch));
  EXPECT_FALSE(claim_backlog(tx, *a.backlog_batch));
  tx.commit();
  ASSERT_EQ(backlog(conn).size(), 1u);
  EXPECT_EQ(backlog(conn)[0].batch_id, *b.backlog_batch);
}

TEST(StoredSighting, ReadsBackWhatTheAlertPassNeedsInTheOrderAsked) {
  pqxx::connection conn(migrated_database("backlog_load"));
  int64_t t = now_us() - kHourUs;
  v1::Sighting full = make_sighting("AB1234", t);
  full.set_overview_jpeg(testing::fake_jpeg(20 * 1024));
  v1::Sighting bare = make_sighting("CD5678", t + 1);
  bare.clear_candidates();
  bare.clear_plate_jpeg();
  bare.set_plate_country("");
  bare.clear_country_confidence();  // the store keeps it only with a country
  bare.set_plate_display("");
  bare.mutable_clock_sync()->Clear();
  ScratchEvidence evidence;
  SightingWriter(conn, evidence.writer()).write_batch({full, bare});

  pqxx::read_transaction tx(conn);
  StoredSightings got = load_sightings(tx, {bare.event_id(), "0123456789abcdef", full.event_id()}, evidence.dir());
  ASSERT_EQ(got.found.size(), 2u);
  EXPECT_EQ(got.missing, std::vector<std::string>{"0123456789abcdef"});
  EXPECT_TRUE(got.evidence_errors.empty());

  // What does not come back is cleared from the expectation, by name, so a
  // field added to the protocol later shows up here as a difference.
  for (v1::Sighting* s : {&full, &bare}) {
    s->clear_frame_width();
    s->clear_frame_height();
    s->clear_plate_box();
    s->clear_plate_corners();
  }
  google::protobuf::util::MessageDifferencer same;
  std::string why;
  same.ReportDifferencesToString(&why);
  EXPECT_TRUE(same.Compare(bare, got.found[0])) << why;
  EXPECT_TRUE(same.Compare(full, got.found[1])) << why;
}

TEST(StoredSighting, AnUnreadableImageLeavesTheSightingAndSaysWhy) {
  pqxx::connection conn(migrated_database("backlog_lost_image"));
  v1::Sighting s = make_sighting("AB1234", now_us() - kHourUs);
  ScratchEvidence evidence;
  SightingWriter(conn, evidence.writer()).write_batch({s});
  std::filesystem::remove_all(evidence.dir());  // a restore that forgot the images

  pqxx::read_transaction tx(conn);
  StoredSightings got = load_sightings(tx, {s.event_id()}, evidence.dir());
  ASSERT_EQ(got.found.size(), 1u);
  EXPECT_EQ(got.found[0].plate_text(), "AB1234");
  EXPECT_TRUE(got.found[0].plate_jpeg().empty());
  ASSERT_EQ(got.evidence_errors.size(), 1u);
  EXPECT_NE(got.evidence_errors[0].find("segment missing"), std::string::npos) << got.evidence_errors[0];
}

}  // namespace
}  // namespace anpr::store
