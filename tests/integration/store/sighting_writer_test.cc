// Batched sighting writes against a real PostgreSQL: rows and evidence
// stored, replays stored once and reported, hostile text stored verbatim,
// unstorable sightings refused alone, day partitions created, images in
// evidence segments and not in PostgreSQL, and writes surviving a database
// restart.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "central/evidence/evidence_reader.h"
#include "central/store/pg_text.h"
#include "central/store/sighting_writer.h"
#include "tests/integration/store/store_fixture.h"
#include "tests/support/temp_postgres.h"

namespace anpr::store {
namespace {

using testing::ids_of;
using testing::kDayUs;
using testing::kHourUs;
using testing::make_sighting;
using testing::migrated_database;
using testing::now_us;
using testing::ScratchEvidence;

// The images a sighting's evidence row points at, read back from the segments.
evidence_store::EvidenceRecord stored_images(pqxx::transaction_base& tx, const ScratchEvidence& evidence,
                                             const anpr::v1::Sighting& s) {
  pqxx::row at = tx.exec_params1(
      "SELECT segment_id, segment_offset, plate_jpeg IS NULL AND overview_jpeg IS NULL"
      " FROM sighting_evidence WHERE event_id = $1::uuid",
      uuid_text(s.event_id()));
  EXPECT_TRUE(at[2].as<bool>()) << "image bytes in PostgreSQL";
  return evidence_store::read_evidence(evidence.dir(), s.event_id(), s.captured_at_us(),
                                       {at[0].as<uint64_t>(), at[1].as<uint64_t>()});
}

int count(pqxx::connection& conn, const std::string& query) {
  pqxx::nontransaction tx(conn);
  return tx.exec1(query)[0].as<int>();
}

TEST(SightingWriter, StoresRowsAndEvidence) {
  pqxx::connection conn(migrated_database("writer_rows"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t t = now_us() - kHourUs;
  std::vector<anpr::v1::Sighting> batch = {make_sighting("AB1234", t), make_sighting("CD5678", t + 1),
                                           make_sighting("EF9012", t + 2)};
  batch[1].set_overview_jpeg(testing::fake_jpeg(25 * 1024));
  batch[2].clear_plate_jpeg();
  batch[2].set_plate_display("");
  batch[2].set_plate_country("");
  batch[2].set_direction(static_cast<anpr::v1::Direction>(42));

  BatchResult result = writer.write_batch(batch);
  EXPECT_EQ(result.stored, ids_of(batch));
  EXPECT_TRUE(result.duplicates.empty());
  EXPECT_TRUE(result.rejected.empty());

  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 3);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sighting_ids"), 3);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sighting_evidence"), 2);

  pqxx::nontransaction tx(conn);
  pqxx::row first = tx.exec_params1(
      "SELECT " + epoch_us_sql("captured_at") +
          ", plate_key, candidate_texts::text, candidate_confidences::text, plate_box::text, plate_corners::text,"
          " direction, clock_state, clock_error_us, country_confidence, read_confidence"
          " FROM sightings WHERE event_id = $1::uuid",
      uuid_text(batch[0].event_id()));
  EXPECT_EQ(first[0].as<int64_t>(), t);
  EXPECT_EQ(first[1].as<std::string>(), "A81234");
  EXPECT_EQ(first[2].as<std::string>(), "{AB1234,AB12341}");
  EXPECT_EQ(first[3].as<std::string>(), "{0.875,0.0625}");
  EXPECT_EQ(first[4].as<std::string>(), "{800,600,220,50}");
  EXPECT_EQ(first[5].as<std::string>(), "{800.5,600.25,1020,601,1019.75,650,801,649.5}");
  EXPECT_EQ(first[6].as<int>(), anpr::v1::DIRECTION_APPROACHING);
  EXPECT_EQ(first[7].as<int>(), anpr::v1::CLOCK_SYNC_STATE_SYNCED);
  EXPECT_EQ(first[8].as<int64_t>(), 500);
  EXPECT_EQ(first[9].as<float>(), 0.75f);
  EXPECT_EQ(first[10].as<float>(), 0.875f);

  pqxx::row unset = tx.exec_params1(
      "SELECT plate_display IS NULL, plate_country IS NULL, country_confidence IS NULL, direction IS NULL"
      " FROM sightings WHERE event_id = $1::uuid",
      uuid_text(batch[2].event_id()));
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(unset[i].as<bool>()) << "column " << i;

  const evidence_store::EvidenceRecord second = stored_images(tx, evidence, batch[1]);
  EXPECT_EQ(second.plate_jpeg, batch[1].plate_jpeg());
  EXPECT_EQ(second.overview_jpeg, batch[1].overview_jpeg());
  const evidence_store::EvidenceRecord first_images = stored_images(tx, evidence, batch[0]);
  EXPECT_EQ(first_images.plate_jpeg, batch[0].plate_jpeg());
  EXPECT_TRUE(first_images.overview_jpeg.empty());
}

TEST(SightingWriter, ReplayedBatchIsStoredOnceAndReportedAsDuplicates) {
  std::string db = migrated_database("writer_replay");
  pqxx::connection conn(db);
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t t = now_us() - kHourUs;
  std::vector<anpr::v1::Sighting> batch = {make_sighting("AB1234", t), make_sighting("CD5678", t)};
  writer.write_batch(batch);

  BatchResult again = writer.write_batch(batch);
  EXPECT_TRUE(again.stored.empty());
  EXPECT_EQ(again.duplicates, ids_of(batch));
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 2);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sighting_evidence"), 2);

  // Another central process (its own connection and writer) replaying the
  // same events must not store them either.
  pqxx::connection other(db);
  SightingWriter other_writer(other, evidence.writer());
  EXPECT_EQ(other_writer.write_batch(batch).duplicates, ids_of(batch));
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 2);
}

TEST(SightingWriter, ReplayKeyedOnEventIdEvenIfCaptureTimeDiffers) {
  pqxx::connection conn(migrated_database("writer_replay_time"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  auto s = make_sighting("AB1234", now_us() - 3 * kDayUs);
  writer.write_batch({s});
  s.set_captured_at_us(now_us());
  BatchResult again = writer.write_batch({s});
  EXPECT_EQ(again.duplicates, std::vector<std::string>{s.event_id()});
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 1);
}

TEST(SightingWriter, MixedBatchStoresOnlyTheNewOnes) {
  pqxx::connection conn(migrated_database("writer_mixed"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t t = now_us() - kHourUs;
  auto old1 = make_sighting("AB1234", t);
  auto old2 = make_sighting("CD5678", t);
  writer.write_batch({old1, old2});

  auto new1 = make_sighting("EF9012", t);
  auto new2 = make_sighting("GH3456", t);
  BatchResult result = writer.write_batch({new1, old1, new2, old2});
  EXPECT_EQ(result.stored, (std::vector<std::string>{new1.event_id(), new2.event_id()}));
  EXPECT_EQ(result.duplicates, (std::vector<std::string>{old1.event_id(), old2.event_id()}));
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 4);
}

TEST(SightingWriter, RepeatInsideOneBatchIsStoredOnce) {
  pqxx::connection conn(migrated_database("writer_repeat"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  auto s = make_sighting("AB1234", now_us() - kHourUs);
  BatchResult result = writer.write_batch({s, s});
  EXPECT_EQ(result.stored, std::vector<std::string>{s.event_id()});
  EXPECT_EQ(result.duplicates, std::vector<std::string>{s.event_id()});
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 1);
}

TEST(SightingWriter, HostileTextIsStoredVerbatim) {
  pqxx::connection conn(migrated_database("writer_hostile"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  const std::string plate = "'); DROP TABLE sightings;--";
  const std::string display = "\\N\t\"x\"\n\\\\ {a,b} ŠĒ";
  const std::string candidate = "\"},{\\";
  auto s = make_sighting(plate, now_us() - kHourUs);
  s.set_plate_display(display);
  s.mutable_candidates(1)->set_text(candidate);
  EXPECT_EQ(writer.write_batch({s}).stored.size(), 1u);

  pqxx::nontransaction tx(conn);
  pqxx::row row = tx.exec_params1(
      "SELECT plate_text, plate_display, candidate_texts[2] FROM sightings WHERE event_id = $1::uuid",
      uuid_text(s.event_id()));
  EXPECT_EQ(row[0].as<std::string>(), plate);
  EXPECT_EQ(row[1].as<std::string>(), display);
  EXPECT_EQ(row[2].as<std::string>(), candidate);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM sightings")[0].as<int>(), 1);
}

TEST(SightingWriter, UnstorableSightingsAreRejectedAloneAndTheRestStored) {
  pqxx::connection conn(migrated_database("writer_reject"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t now = now_us();
  auto good = make_sighting("AB1234", now - kHourUs);
  auto short_id = make_sighting("CD5678", now - kHourUs);
  short_id.set_event_id("0123456789");
  auto ancient = make_sighting("EF9012", now - 400 * kDayUs);
  auto nul = make_sighting(std::string("GH\0" "12", 5), now - kHourUs);
  auto huge = make_sighting("IJ3456", now - kHourUs);
  huge.set_lane(4294967295u);
  huge.set_frames_seen(4294967295u);

  BatchResult result = writer.write_batch({short_id, good, ancient, nul, huge});
  EXPECT_EQ(result.stored, (std::vector<std::string>{good.event_id(), huge.event_id()}));
  ASSERT_EQ(result.rejected.size(), 3u);
  EXPECT_EQ(result.rejected[0].event_id, "0123456789");
  EXPECT_NE(result.rejected[1].reason.find("window"), std::string::npos) << result.rejected[1].reason;
  EXPECT_NE(result.rejected[2].reason.find("NUL"), std::string::npos) << result.rejected[2].reason;
  EXPECT_EQ(count(conn, "SELECT count(*) FROM sightings"), 2);
}

TEST(SightingWriter, CreatesDayPartitionsForEachCaptureDay) {
  pqxx::connection conn(migrated_database("writer_partitions"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t now = now_us();
  // Four distinct UTC days, across different weeks and months.
  std::vector<int64_t> times = {now, now - kDayUs, now - 8 * kDayUs, now - 30 * kDayUs};
  std::vector<anpr::v1::Sighting> batch;
  for (int64_t t : times) batch.push_back(make_sighting("AB1234", t));
  ASSERT_EQ(writer.write_batch(batch).stored.size(), times.size());
  // A later batch on a day already known adds no partition.
  writer.write_batch({make_sighting("CD5678", now - kDayUs)});

  pqxx::nontransaction tx(conn);
  for (std::size_t i = 0; i < times.size(); ++i) {
    std::string day = timestamptz_text(times[i]).substr(0, 10);
    std::string suffix = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
    EXPECT_EQ(tx.exec_params1("SELECT tableoid::regclass::text FROM sightings WHERE event_id = $1::uuid",
                              uuid_text(batch[i].event_id()))[0].as<std::string>(),
              "sightings_p" + suffix);
    EXPECT_EQ(tx.exec_params1("SELECT tableoid::regclass::text FROM sighting_evidence WHERE event_id = $1::uuid",
                              uuid_text(batch[i].event_id()))[0].as<std::string>(),
              "sighting_evidence_p" + suffix);
  }
  int partitions = tx.exec1("SELECT count(*) FROM pg_inherits WHERE inhparent = 'sightings'::regclass")[0].as<int>();
  EXPECT_EQ(partitions, 4);
}

TEST(SightingWriter, ImagesStayOutOfPostgreSQL) {
  pqxx::connection conn(migrated_database("writer_segments"));
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  int64_t t = now_us() - kHourUs;
  std::vector<anpr::v1::Sighting> batch;
  for (int i = 0; i < 20; ++i) batch.push_back(make_sighting("AB" + std::to_string(1000 + i), t + i));
  batch[7].set_overview_jpeg(testing::fake_jpeg(40 * 1024));
  ASSERT_EQ(writer.write_batch(batch).stored.size(), batch.size());

  // 20 plate patches of 3 KB and a 40 KB overview: what PostgreSQL holds of
  // them is one page of locations and no TOAST.
  pqxx::nontransaction tx(conn);
  const pqxx::row size = tx.exec1(
      "SELECT sum(pg_relation_size(c.oid)), sum(coalesce(pg_relation_size(c.reltoastrelid), 0))"
      " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
      " WHERE i.inhparent = 'sighting_evidence'::regclass");
  EXPECT_LE(size[0].as<int64_t>(), 8192);
  EXPECT_EQ(size[1].as<int64_t>(), 0);
  for (const anpr::v1::Sighting& s : batch) {
    const evidence_store::EvidenceRecord got = stored_images(tx, evidence, s);
    EXPECT_EQ(got.plate_jpeg, s.plate_jpeg());
    EXPECT_EQ(got.overview_jpeg, s.overview_jpeg());
  }
}

TEST(SightingWriter, DataAndWritesSurviveADatabaseRestart) {
  std::string db = migrated_database("writer_restart");
  pqxx::connection conn(db);
  ScratchEvidence evidence;
  SightingWriter writer(conn, evidence.writer());
  auto before = make_sighting("AB1234", now_us() - kHourUs);
  writer.write_batch({before});

  anpr::testing::shared_postgres().restart();

  // The writer's connection and its session-local staging table are gone.
  // libpqxx 6 reconnects by itself within a few calls; until then a batch
  // throws broken_connection and is not acked (the edge resends it).
  auto after = make_sighting("CD5678", now_us() - kHourUs);
  BatchResult result;
  int failures = 0;
  for (bool done = false; !done && failures < 5;) {
    try {
      result = writer.write_batch({after});
      done = true;
    } catch (const pqxx::broken_connection&) {
      ++failures;
    }
  }
  EXPECT_LT(failures, 5);
  EXPECT_EQ(result.stored, std::vector<std::string>{after.event_id()});

  pqxx::connection fresh(db);
  EXPECT_EQ(count(fresh, "SELECT count(*) FROM sightings"), 2);
  EXPECT_EQ(count(fresh, "SELECT count(*) FROM sighting_evidence"), 2);
  EXPECT_EQ(SightingWriter(fresh, evidence.writer()).write_batch({before}).duplicates, std::vector<std::string>{before.event_id()});
}

}  // namespace
}  // namespace anpr::store
