// Encoding and decoding of the spool's on-disk structures.
#include "edge/spool/spool_format.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace anpr::spool {
namespace {

std::string as_string(const auto& bytes) { return std::string(bytes.data(), bytes.size()); }

TEST(SpoolFormat, SegmentFileNameIsTwentyDigitsAndParsesBack) {
  EXPECT_EQ(segment_file_name(42), "00000000000000000042.seg");
  EXPECT_EQ(parse_segment_file_name("00000000000000000042.seg"), 42u);
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(parse_segment_file_name(segment_file_name(max)), max);
  EXPECT_LT(segment_file_name(9), segment_file_name(10));
}

TEST(SpoolFormat, OtherFileNamesAreNotSegments) {
  for (const char* name : {"42.seg", "0000000000000000004x.seg", "00000000000000000042.log", "ACKED", "LOCK",
                           "00000000000000000042.seg.tmp", "+0000000000000000042.seg", "99999999999999999999.seg"}) {
    EXPECT_FALSE(parse_segment_file_name(name)) << name;
  }
}

TEST(SpoolFormat, SegmentHeaderRoundTrips) {
  std::string why;
  EXPECT_EQ(decode_segment_header(as_string(encode_segment_header(1234)), &why), 1234u);
}

TEST(SpoolFormat, AnyDamagedSegmentHeaderByteIsRejected) {
  const std::string good = as_string(encode_segment_header(77));
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    std::string why;
    EXPECT_FALSE(decode_segment_header(bad, &why)) << "byte " << i;
    EXPECT_FALSE(why.empty());
  }
  std::string why;
  EXPECT_FALSE(decode_segment_header(good.substr(0, 10), &why));
  EXPECT_NE(why.find("truncated"), std::string::npos) << why;
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  EXPECT_FALSE(decode_segment_header(bad_magic, &why));
  EXPECT_NE(why.find("magic"), std::string::npos) << why;
}

TEST(SpoolFormat, RecordCarriesHeaderFieldsAndChecksum) {
  const std::string record = encode_record(7, "abc");
  ASSERT_EQ(record.size(), kRecordHeaderSize + 3);
  const RecordHeader header = decode_record_header(record);
  EXPECT_EQ(header.length, 3u);
  EXPECT_EQ(header.type, static_cast<std::uint8_t>(RecordType::kPayload));
  EXPECT_EQ(header.seq, 7u);
  EXPECT_EQ(header.masked_crc, record_checksum(RecordType::kPayload, 7, "abc"));
  EXPECT_EQ(record.substr(kRecordHeaderSize), "abc");
}

TEST(SpoolFormat, ChecksumCoversTypeSequenceAndPayload) {
  const std::uint32_t base = record_checksum(RecordType::kPayload, 7, "abc");
  EXPECT_NE(record_checksum(RecordType::kPayload, 8, "abc"), base);
  EXPECT_NE(record_checksum(RecordType::kPayload, 7, "abd"), base);
  EXPECT_NE(record_checksum(RecordType::kZero, 7, "abc"), base);
}

TEST(SpoolFormat, RecordHeaderRoundTrips) {
  RecordHeader header{0xdeadbeef, 1u << 20, 1, 0x0102030405060708u};
  const RecordHeader back = decode_record_header(as_string(encode_record_header(header)));
  EXPECT_EQ(back.masked_crc, header.masked_crc);
  EXPECT_EQ(back.length, header.length);
  EXPECT_EQ(back.type, header.type);
  EXPECT_EQ(back.seq, header.seq);
}

TEST(SpoolFormat, AckFloorRoundTripsAndRejectsDamage) {
  std::string why;
  const std::string good = as_string(encode_ack_floor(987654321));
  EXPECT_EQ(decode_ack_floor(good, &why), 987654321u);
  std::string bad = good;
  bad[3] = static_cast<char>(bad[3] ^ 0x10);
  EXPECT_FALSE(decode_ack_floor(bad, &why));
  EXPECT_NE(why.find("checksum"), std::string::npos) << why;
  EXPECT_FALSE(decode_ack_floor(good + "x", &why));
  EXPECT_FALSE(decode_ack_floor("", &why));
}

}  // namespace
}  // namespace anpr::spool
