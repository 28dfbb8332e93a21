// SpoolWriter: segment rolling, the byte budget, recovery of a torn tail and
// deletion of segments below the ack floor, checked against the files on disk.
#include "edge/spool/spool_writer.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "edge/spool/spool_format.h"
#include "edge/spool/spool_reader.h"
#include "spool_test_support.h"

namespace anpr::spool {
namespace {

using testing::flip_byte;
using testing::payload_for;
using testing::record_bytes;
using testing::segment_files;
using testing::small_segments;
using testing::TempDir;
using testing::total_segment_bytes;

class SpoolWriterTest : public ::testing::Test {
 protected:
  std::unique_ptr<SpoolWriter> open(const SpoolOptions& options, std::uint64_t min_next_seq = 1) {
    return std::make_unique<SpoolWriter>(dir_.path(), options, min_next_seq,
                                         [this](const std::vector<Segment>& dropped) {
                                           drops_.insert(drops_.end(), dropped.begin(), dropped.end());
                                         });
  }

  void append_n(SpoolWriter& writer, int n) {
    for (int i = 0; i < n; ++i) {
      const std::uint64_t expected = writer.next_seq();
      ASSERT_EQ(writer.append(payload_for(expected)), expected);
    }
  }

  TempDir dir_;
  std::vector<Segment> drops_;
};

TEST_F(SpoolWriterTest, NumbersRecordsFromOneInAFreshDirectory) {
  auto writer = open(small_segments());
  EXPECT_EQ(writer->append("a"), 1u);
  EXPECT_EQ(writer->append("b"), 2u);
  ASSERT_EQ(segment_files(dir_.path()).size(), 1u);
  EXPECT_EQ(segment_files(dir_.path())[0].filename(), segment_file_name(1));
}

TEST_F(SpoolWriterTest, RollsToANewSegmentWhenTheNextRecordWouldNotFit) {
  auto writer = open(small_segments());
  append_n(*writer, 20);
  const auto files = segment_files(dir_.path());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[1].filename(), segment_file_name(9));
  EXPECT_EQ(files[2].filename(), segment_file_name(17));
  for (const auto& file : files) EXPECT_LE(std::filesystem::file_size(file), 1024u);
  EXPECT_EQ(writer->total_bytes(), total_segment_bytes(dir_.path()));
  EXPECT_EQ(writer->segments().front().end_seq, 9u);
}

TEST_F(SpoolWriterTest, RecordLargerThanASegmentGetsOneOfItsOwn) {
  auto writer = open(small_segments());
  append_n(*writer, 2);
  EXPECT_EQ(writer->append(std::string(3000, 'x')), 3u);
  EXPECT_EQ(writer->append("after"), 4u);
  const auto files = segment_files(dir_.path());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(std::filesystem::file_size(files[1]), kSegmentHeaderSize + kRecordHeaderSize + 3000);
}

TEST_F(SpoolWriterTest, BudgetDeletesOldestSegmentsAndReportsThem) {
  auto writer = open(small_segments(2048));
  for (int i = 0; i < 40; ++i) {
    writer->append(payload_for(writer->next_seq()));
    ASSERT_LE(writer->total_bytes(), 2048u);
    ASSERT_EQ(writer->total_bytes(), total_segment_bytes(dir_.path()));
  }
  ASSERT_FALSE(drops_.empty());
  EXPECT_EQ(drops_.front().first_seq, 1u);
  EXPECT_EQ(drops_.front().end_seq, 9u);
  EXPECT_EQ(writer->segments().front().first_seq, drops_.back().end_seq);
}

TEST_F(SpoolWriterTest, RefusesPayloadsThatCanNeverFit) {
  auto writer = open(small_segments(4096));
  EXPECT_THROW(writer->append(std::string(kMaxPayloadSize + 1, 'x')), std::invalid_argument);
  EXPECT_THROW(writer->append(std::string(5000, 'x')), std::invalid_argument);
  EXPECT_EQ(writer->append("fits"), 1u);
}

TEST_F(SpoolWriterTest, RejectsBadOptions) {
  SpoolOptions tiny;
  tiny.segment_bytes = 100;
  EXPECT_THROW(open(tiny), std::invalid_argument);
  SpoolOptions no_room;
  no_room.segment_bytes = 4096;
  no_room.max_total_bytes = 6000;
  EXPECT_THROW(open(no_room), std::invalid_argument);
}

TEST_F(SpoolWriterTest, ReopenContinuesTheSequenceInTheSameSegment) {
  open(small_segments()).reset();
  {
    auto writer = open(small_segments());
    append_n(*writer, 3);
  }
  auto writer = open(small_segments());
  EXPECT_EQ(writer->next_seq(), 4u);
  append_n(*writer, 1);
  EXPECT_EQ(segment_files(dir_.path()).size(), 1u);
}

TEST_F(SpoolWriterTest, ReopenCutsATornTailBackToTheLastGoodRecord) {
  {
    auto writer = open(small_segments());
    append_n(*writer, 5);
  }
  const auto file = segment_files(dir_.path()).at(0);
  std::filesystem::resize_file(file, std::filesystem::file_size(file) - 30);

  auto writer = open(small_segments());
  EXPECT_EQ(writer->recovery().tail_bytes_truncated, record_bytes() - 30);
  EXPECT_EQ(writer->recovery().records_lost, 0u);
  EXPECT_EQ(std::filesystem::file_size(file), kSegmentHeaderSize + 4 * record_bytes());
  EXPECT_EQ(writer->next_seq(), 5u);
  append_n(*writer, 1);

  SegmentReader reader(file, 1);
  std::uint64_t count = 0;
  while (auto record = reader.next()) {
    EXPECT_EQ(record->payload, payload_for(record->seq));
    ++count;
  }
  EXPECT_EQ(count, 5u);
  EXPECT_FALSE(reader.corruption());
}

TEST_F(SpoolWriterTest, ReopenRewritesAnUnreadableNewestSegmentHeader) {
  {
    auto writer = open(small_segments());
    append_n(*writer, 10);
  }
  const auto newest = segment_files(dir_.path()).back();
  std::filesystem::resize_file(newest, 7);
  auto writer = open(small_segments());
  EXPECT_EQ(writer->next_seq(), 9u);
  EXPECT_EQ(std::filesystem::file_size(newest), kSegmentHeaderSize);
  append_n(*writer, 1);
  SegmentReader reader(newest, 9);
  EXPECT_TRUE(reader.next());
}

TEST_F(SpoolWriterTest, DamageInAClosedSegmentCountsTheRecordsLost) {
  {
    auto writer = open(small_segments());
    append_n(*writer, 12);
  }
  flip_byte(segment_files(dir_.path()).at(0), kSegmentHeaderSize + 5 * record_bytes() + 30);
  auto writer = open(small_segments());
  EXPECT_EQ(writer->recovery().records_lost, 3u);
  EXPECT_EQ(writer->segments().front().end_seq, 6u);
  EXPECT_EQ(writer->next_seq(), 13u);
}

TEST_F(SpoolWriterTest, NeverReusesSequenceNumbersBelowTheGivenMinimum) {
  {
    auto writer = open(small_segments());
    append_n(*writer, 3);
  }
  auto writer = open(small_segments(), 10);
  EXPECT_EQ(writer->append("x"), 10u);
  const auto files = segment_files(dir_.path());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].filename(), segment_file_name(10));
}

TEST_F(SpoolWriterTest, RemoveThroughDeletesOnlyClosedSegmentsWhollyAtOrBelowTheFloor) {
  auto writer = open(small_segments());
  append_n(*writer, 20);
  EXPECT_EQ(writer->remove_through(7), 0u);
  EXPECT_EQ(writer->remove_through(8), 1u);
  EXPECT_EQ(writer->remove_through(100), 1u);
  ASSERT_EQ(writer->segments().size(), 1u);
  EXPECT_EQ(segment_files(dir_.path()).size(), 1u);
  EXPECT_EQ(writer->total_bytes(), total_segment_bytes(dir_.path()));
}

TEST_F(SpoolWriterTest, LosingRecordsOfTheActiveSegmentStartsANewOne) {
  auto writer = open(small_segments());
  append_n(*writer, 4);
  EXPECT_EQ(writer->mark_lost(3), 2u);
  EXPECT_EQ(writer->append("next"), 5u);
  const auto files = segment_files(dir_.path());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].filename(), segment_file_name(5));
  EXPECT_EQ(writer->segments().front().end_seq, 3u);
}

}  // namespace
}  // namespace anpr::spool
