// Spool, the daemon-facing object: ordering, cursor and rewind, acks and the
// persisted floor, segment deletion, the byte budget, recovery from damaged
// files, the directory lock and concurrent use. All on real files.
#include "edge/spool/spool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "edge/spool/ack_floor.h"
#include "edge/spool/spool_error.h"
#include "edge/spool/spool_format.h"
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

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> seqs(last - first + 1);
  std::iota(seqs.begin(), seqs.end(), first);
  return seqs;
}

class SpoolTest : public ::testing::Test {
 protected:
  void open(const SpoolOptions& options = small_segments()) {
    spool_.reset();
    spool_ = Spool::open(dir_.path(), options);
  }

  void append_n(std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint64_t seq = spool_->append(payload_for(appended_ + 1));
      ASSERT_EQ(seq, ++appended_);
    }
  }

  // Sequence numbers handed out by next_unsent, checking every payload.
  std::vector<std::uint64_t> unsent(std::size_t max_n = 1000) {
    std::vector<std::uint64_t> seqs;
    for (const SpoolRecord& record : spool_->next_unsent(max_n)) {
      EXPECT_EQ(record.payload, payload_for(record.seq)) << "seq " << record.seq;
      seqs.push_back(record.seq);
    }
    return seqs;
  }

  TempDir dir_;
  std::unique_ptr<Spool> spool_;
  std::uint64_t appended_ = 0;
};

TEST_F(SpoolTest, ReadsBackWhatWasAppendedInOrder) {
  open();
  append_n(20);
  EXPECT_EQ(unsent(), range(1, 20));
  EXPECT_TRUE(unsent().empty());
  EXPECT_EQ(spool_->depth(), 20u);
  EXPECT_EQ(spool_->counters().appended, 20u);
  EXPECT_EQ(spool_->bytes(), total_segment_bytes(dir_.path()));
}

TEST_F(SpoolTest, CursorHandsOutBatchesAndRewindRestartsAtOldestUnacked) {
  open();
  append_n(10);
  EXPECT_EQ(unsent(3), range(1, 3));
  EXPECT_EQ(unsent(3), range(4, 6));
  spool_->rewind();
  EXPECT_EQ(unsent(2), range(1, 2));
  spool_->ack(1);
  spool_->ack(2);
  spool_->ack(5);
  spool_->rewind();
  EXPECT_EQ(unsent(), (std::vector<std::uint64_t>{3, 4, 6, 7, 8, 9, 10}));
  append_n(2);
  EXPECT_EQ(unsent(), range(11, 12));
}

TEST_F(SpoolTest, ReopenKeepsUnackedRecordsAndContinuesTheSequence) {
  open();
  append_n(5);
  spool_->ack(1);
  spool_->ack(2);
  open();
  EXPECT_EQ(spool_->acked_floor(), 2u);
  EXPECT_EQ(spool_->depth(), 3u);
  EXPECT_EQ(unsent(), range(3, 5));
  append_n(1);
  EXPECT_EQ(unsent(), range(6, 6));
}

TEST_F(SpoolTest, OutOfOrderAcksMoveTheFloorOnlyOverAContiguousPrefix) {
  open();
  append_n(10);
  spool_->ack(3);
  spool_->ack(2);
  EXPECT_EQ(spool_->acked_floor(), 0u);
  EXPECT_EQ(spool_->depth(), 8u);
  spool_->ack(1);
  EXPECT_EQ(spool_->acked_floor(), 3u);
  spool_->ack(5);
  EXPECT_EQ(spool_->acked_floor(), 3u);
  EXPECT_EQ(spool_->depth(), 6u);
  EXPECT_EQ(spool_->counters().acked, 4u);

  // Only the floor is persisted: the ack of 5 is forgotten and 5 is resent.
  open();
  EXPECT_EQ(spool_->acked_floor(), 3u);
  EXPECT_EQ(unsent(), range(4, 10));
}

TEST_F(SpoolTest, FloorIsPersistedWhenAcksFreeASegmentAndOnSyncOrClose) {
  SpoolOptions options = small_segments();
  options.ack_floor_sync_interval = std::chrono::hours(1);
  open(options);
  append_n(20);
  for (std::uint64_t seq = 1; seq <= 7; ++seq) spool_->ack(seq);
  EXPECT_EQ(spool_->acked_floor(), 7u);
  EXPECT_EQ(load_ack_floor(dir_.path()), 0u);
  spool_->ack(8);
  EXPECT_EQ(load_ack_floor(dir_.path()), 8u);
  spool_->ack(9);
  EXPECT_EQ(load_ack_floor(dir_.path()), 8u);
  spool_->sync();
  EXPECT_EQ(load_ack_floor(dir_.path()), 9u);
  spool_->ack(10);
  spool_.reset();
  EXPECT_EQ(load_ack_floor(dir_.path()), 10u);
}

TEST_F(SpoolTest, ZeroFloorSyncIntervalPersistsEveryAdvance) {
  SpoolOptions options = small_segments();
  options.ack_floor_sync_interval = std::chrono::milliseconds(0);
  open(options);
  append_n(3);
  spool_->ack(1);
  EXPECT_EQ(load_ack_floor(dir_.path()), 1u);
  spool_->ack(3);
  EXPECT_EQ(load_ack_floor(dir_.path()), 1u);
  spool_->ack(2);
  EXPECT_EQ(load_ack_floor(dir_.path()), 3u);
}

TEST_F(SpoolTest, DuplicateAndStaleAcksAreIgnoredAndUnissuedOnesRejected) {
  open();
  append_n(3);
  spool_->ack(2);
  spool_->ack(2);
  spool_->ack(1);
  spool_->ack(1);
  spool_->ack(0);
  EXPECT_EQ(spool_->counters().acked, 2u);
  EXPECT_EQ(spool_->acked_floor(), 2u);
  EXPECT_THROW(spool_->ack(4), std::out_of_range);
  EXPECT_EQ(spool_->depth(), 1u);
}

TEST_F(SpoolTest, SegmentsAreDeletedOnceEveryRecordInThemIsAcked) {
  open();
  append_n(30);
  ASSERT_EQ(segment_files(dir_.path()).size(), 4u);
  for (std::uint64_t seq = 1; seq <= 16; ++seq) spool_->ack(seq);
  EXPECT_EQ(segment_files(dir_.path()).size(), 2u);
  for (std::uint64_t seq = 17; seq <= 30; ++seq) spool_->ack(seq);
  EXPECT_EQ(segment_files(dir_.path()).size(), 1u);
  EXPECT_EQ(spool_->depth(), 0u);
  EXPECT_EQ(spool_->bytes(), total_segment_bytes(dir_.path()));
  EXPECT_TRUE(unsent().empty());

  open();
  EXPECT_EQ(spool_->acked_floor(), 30u);
  EXPECT_EQ(spool_->depth(), 0u);
  EXPECT_EQ(spool_->append("next"), 31u);
}

TEST_F(SpoolTest, BudgetDropsTheOldestRecordsAndCountsThem) {
  open(small_segments(2048));
  append_n(5);
  spool_->ack(2);
  spool_->ack(3);
  for (int i = 0; i < 45; ++i) {
    append_n(1);
    ASSERT_LE(spool_->bytes(), 2048u);
  }
  const SpoolCounters counters = spool_->counters();
  EXPECT_GT(counters.dropped_by_budget, 0u);
  // Records 2 and 3 were acked before their segment was dropped: not lost.
  EXPECT_EQ(counters.dropped_by_budget + counters.acked + spool_->depth(), 50u);
  const auto seqs = unsent();
  ASSERT_EQ(seqs.size(), spool_->depth());
  EXPECT_EQ(seqs, range(51 - seqs.size(), 50));
  EXPECT_EQ(spool_->bytes(), total_segment_bytes(dir_.path()));

  // Acks of dropped records change nothing; acking the rest frees the spool.
  spool_->ack(1);
  for (std::uint64_t seq : seqs) spool_->ack(seq);
  EXPECT_EQ(spool_->acked_floor(), 50u);
  EXPECT_EQ(spool_->depth(), 0u);
}

TEST_F(SpoolTest, TruncatedTailRecoversUpToTheLastGoodRecordAndAppendingContinues) {
  open();
  append_n(5);
  spool_.reset();
  const auto file = segment_files(dir_.path()).at(0);
  std::filesystem::resize_file(file, std::filesystem::file_size(file) - record_bytes() / 2);

  open();
  EXPECT_EQ(unsent(), range(1, 4));
  EXPECT_EQ(spool_->append(payload_for(5)), 5u);
  EXPECT_EQ(unsent(), range(5, 5));
  EXPECT_EQ(spool_->counters().corrupt_records_skipped, 0u);

  open();
  EXPECT_EQ(unsent(), range(1, 5));
}

TEST_F(SpoolTest, FlippedByteInAClosedSegmentSkipsTheRestOfThatSegmentOnly) {
  open();
  append_n(20);
  spool_.reset();
  flip_byte(segment_files(dir_.path()).at(0), kSegmentHeaderSize + 2 * record_bytes() + 50);

  open();
  EXPECT_EQ(spool_->counters().corrupt_records_skipped, 6u);
  EXPECT_EQ(spool_->depth(), 14u);
  std::vector<std::uint64_t> expected = range(1, 2);
  for (std::uint64_t seq : range(9, 20)) expected.push_back(seq);
  EXPECT_EQ(unsent(), expected);

  // The hole does not hold the floor back.
  for (std::uint64_t seq : expected) spool_->ack(seq);
  EXPECT_EQ(spool_->acked_floor(), 20u);
}

TEST_F(SpoolTest, FlippedByteInTheNewestSegmentCutsItThere) {
  open();
  append_n(5);
  spool_.reset();
  flip_byte(segment_files(dir_.path()).at(0), kSegmentHeaderSize + 2 * record_bytes() + 50);

  open();
  EXPECT_EQ(unsent(), range(1, 2));
  EXPECT_EQ(spool_->append(payload_for(3)), 3u);
  open();
  EXPECT_EQ(unsent(), range(1, 3));
}

TEST_F(SpoolTest, DamageFoundWhileRunningIsSkippedAndCounted) {
  open();
  append_n(20);
  flip_byte(segment_files(dir_.path()).at(0), kSegmentHeaderSize + 4 * record_bytes() + 50);
  std::vector<std::uint64_t> expected = range(1, 4);
  for (std::uint64_t seq : range(9, 20)) expected.push_back(seq);
  EXPECT_EQ(unsent(), expected);
  EXPECT_EQ(spool_->counters().corrupt_records_skipped, 4u);
  EXPECT_EQ(spool_->depth(), 16u);
}

TEST_F(SpoolTest, DamagedAckFloorFileMeansResendingEverything) {
  open();
  append_n(4);
  spool_->ack(1);
  spool_->ack(2);
  spool_.reset();
  std::ofstream(dir_.path() / kAckFloorFileName, std::ios::binary | std::ios::trunc) << "garbage";
  open();
  EXPECT_EQ(spool_->acked_floor(), 0u);
  EXPECT_EQ(unsent(), range(1, 4));
}

TEST_F(SpoolTest, SecondOpenOfTheSameDirectoryFails) {
  open();
  EXPECT_THROW(Spool::open(dir_.path(), small_segments()), SpoolError);
  spool_.reset();
  EXPECT_NO_THROW(Spool::open(dir_.path(), small_segments()));
}

TEST_F(SpoolTest, RejectsBadOptionsAndOversizedPayloads) {
  SpoolOptions negative;
  negative.group_commit_interval = std::chrono::milliseconds(-1);
  EXPECT_THROW(Spool::open(dir_.path(), negative), std::invalid_argument);
  open(SpoolOptions{});
  EXPECT_THROW(spool_->append(std::string(kMaxPayloadSize + 1, 'x')), std::invalid_argument);
  EXPECT_EQ(spool_->append(std::string(kMaxPayloadSize, 'x')), 1u);
}

TEST_F(SpoolTest, GroupCommitKeepsRecordsAcrossClose) {
  SpoolOptions options = small_segments();
  options.group_commit_interval = std::chrono::milliseconds(5);
  open(options);
  append_n(30);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  append_n(10);
  open(options);
  EXPECT_EQ(unsent(), range(1, 40));
}

TEST_F(SpoolTest, ConcurrentAppendersAndASenderSeeEveryRecordOnce) {
  SpoolOptions options = small_segments();
  options.group_commit_interval = std::chrono::milliseconds(10);
  open(options);
  constexpr int kPerThread = 300;
  std::atomic<int> writers_done{0};
  auto appender = [&] {
    for (int i = 0; i < kPerThread; ++i) spool_->append("x");
    ++writers_done;
  };
  std::vector<std::uint64_t> sent;
  std::thread first(appender);
  std::thread second(appender);
  while (true) {
    const bool finished = writers_done == 2;
    for (const SpoolRecord& record : spool_->next_unsent(16)) {
      sent.push_back(record.seq);
      spool_->ack(record.seq);
    }
    if (finished && spool_->depth() == 0) break;
  }
  first.join();
  second.join();
  EXPECT_EQ(sent, range(1, 2 * kPerThread));
  EXPECT_EQ(spool_->acked_floor(), 2u * kPerThread);
}

}  // namespace
}  // namespace anpr::spool
