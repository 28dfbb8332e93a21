// SegmentReader on hand-built segment files: clean reads, and each kind of
// damage stops it at the right offset with a reason instead of returning a
// bad record.
#include "edge/spool/spool_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "edge/spool/spool_error.h"
#include "edge/spool/spool_format.h"
#include "spool_test_support.h"

namespace anpr::spool {
namespace {

using testing::append_bytes;
using testing::flip_byte;
using testing::payload_for;
using testing::TempDir;

class SegmentReaderTest : public ::testing::Test {
 protected:
  // Writes a segment starting at `first_seq` holding records with the given
  // sequence numbers; returns the offset of each record.
  std::vector<std::uint64_t> write_segment(std::uint64_t first_seq, const std::vector<std::uint64_t>& seqs) {
    path_ = dir_.path() / segment_file_name(first_seq);
    const auto header = encode_segment_header(first_seq);
    std::string bytes(header.data(), header.size());
    std::vector<std::uint64_t> offsets;
    for (std::uint64_t seq : seqs) {
      offsets.push_back(bytes.size());
      bytes += encode_record(seq, payload_for(seq));
    }
    append_bytes(path_, bytes);
    return offsets;
  }

  std::vector<std::uint64_t> read_all(SegmentReader& reader) {
    std::vector<std::uint64_t> seqs;
    while (auto record = reader.next()) {
      EXPECT_EQ(record->payload, payload_for(record->seq));
      seqs.push_back(record->seq);
    }
    return seqs;
  }

  TempDir dir_;
  std::filesystem::path path_;
};

TEST_F(SegmentReaderTest, ReadsAllRecordsInOrderThenEnds) {
  write_segment(5, {5, 6, 7});
  SegmentReader reader(path_, 5);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{5, 6, 7}));
  EXPECT_FALSE(reader.corruption());
  EXPECT_EQ(reader.offset(), std::filesystem::file_size(path_));
  EXPECT_EQ(reader.next_seq(), 8u);
  EXPECT_FALSE(reader.next());
}

TEST_F(SegmentReaderTest, EmptySegmentHasNoRecords) {
  write_segment(3, {});
  SegmentReader reader(path_, 3);
  EXPECT_FALSE(reader.next());
  EXPECT_FALSE(reader.corruption());
  EXPECT_EQ(reader.offset(), kSegmentHeaderSize);
}

TEST_F(SegmentReaderTest, SeekResumesAtAnEarlierPosition) {
  write_segment(1, {1, 2, 3, 4});
  SegmentReader first(path_, 1);
  ASSERT_TRUE(first.next());
  ASSERT_TRUE(first.next());
  SegmentReader second(path_, 1);
  second.seek(first.offset(), first.next_seq());
  EXPECT_EQ(read_all(second), (std::vector<std::uint64_t>{3, 4}));
}

TEST_F(SegmentReaderTest, PayloadCutShortStopsAtThatRecord) {
  const auto offsets = write_segment(1, {1, 2, 3});
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) - 10);
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, offsets[2]);
  EXPECT_NE(reader.corruption()->reason.find("truncated payload"), std::string::npos);
  EXPECT_EQ(reader.offset(), offsets[2]);
}

TEST_F(SegmentReaderTest, RecordHeaderCutShortStopsAtThatRecord) {
  const auto offsets = write_segment(1, {1, 2});
  std::filesystem::resize_file(path_, offsets[1] + 5);
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, offsets[1]);
  EXPECT_NE(reader.corruption()->reason.find("truncated record header"), std::string::npos);
}

TEST_F(SegmentReaderTest, FlippedPayloadByteIsAChecksumMismatchAndNothingAfterIsReturned) {
  const auto offsets = write_segment(1, {1, 2, 3, 4});
  flip_byte(path_, offsets[1] + kRecordHeaderSize + 40);
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, offsets[1]);
  EXPECT_NE(reader.corruption()->reason.find("checksum"), std::string::npos);
  EXPECT_FALSE(reader.next());
}

TEST_F(SegmentReaderTest, FlippedSequenceByteIsDetected) {
  const auto offsets = write_segment(1, {1, 2, 3});
  flip_byte(path_, offsets[2] + 9);
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, offsets[2]);
}

TEST_F(SegmentReaderTest, GapInSequenceNumbersIsCorruption) {
  const auto offsets = write_segment(1, {1, 2, 4});
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, offsets[2]);
  EXPECT_NE(reader.corruption()->reason.find("3 was expected"), std::string::npos) << reader.corruption()->reason;
}

TEST_F(SegmentReaderTest, ZeroFilledTailIsCorruptionNotARecord) {
  write_segment(1, {1, 2});
  append_bytes(path_, std::string(64, '\0'));
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_NE(reader.corruption()->reason.find("type 0"), std::string::npos);
}

TEST_F(SegmentReaderTest, ImpossibleLengthIsRejectedBeforeReading) {
  write_segment(1, {1});
  RecordHeader header{0, kMaxPayloadSize + 1, static_cast<std::uint8_t>(RecordType::kPayload), 2};
  const auto bytes = encode_record_header(header);
  append_bytes(path_, std::string(bytes.data(), bytes.size()));
  SegmentReader reader(path_, 1);
  EXPECT_EQ(read_all(reader), (std::vector<std::uint64_t>{1}));
  ASSERT_TRUE(reader.corruption());
  EXPECT_NE(reader.corruption()->reason.find("exceeds"), std::string::npos);
}

TEST_F(SegmentReaderTest, HeaderThatDisagreesWithFileNameIsCorruptionAtOffsetZero) {
  write_segment(1, {1});
  SegmentReader reader(path_, 2);
  EXPECT_FALSE(reader.next());
  ASSERT_TRUE(reader.corruption());
  EXPECT_EQ(reader.corruption()->offset, 0u);
  EXPECT_EQ(reader.offset(), 0u);
}

TEST_F(SegmentReaderTest, MissingFileThrowsNamingIt) {
  try {
    SegmentReader reader(dir_.path() / "00000000000000000001.seg", 1);
    FAIL() << "expected SpoolError";
  } catch (const SpoolError& e) {
    EXPECT_NE(std::string(e.what()).find("00000000000000000001.seg"), std::string::npos);
  }
}

}  // namespace
}  // namespace anpr::spool
