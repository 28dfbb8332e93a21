// Encoding and decoding of the spool's on-disk structures; see spool_format.h.
// Pure functions: no file is touched here.
#include "spool_format.h"

#include <charconv>

#include <spdlog/fmt/fmt.h>

#include "common/crc32c/crc32c.h"
#include "common/encoding/fixed_int.h"
#include "common/encoding/segment_header.h"

namespace anpr::spool {

namespace {

using encoding::get_fixed32;
using encoding::get_fixed64;
using encoding::put_fixed32;
using encoding::put_fixed64;

constexpr std::size_t kSegmentNameDigits = 20;

}  // namespace

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint64_t first_seq) {
  return encoding::encode_segment_header(kSegmentMagic, kFormatVersion, first_seq);
}

std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::string* why) {
  return encoding::decode_segment_header(bytes, kSegmentMagic, kFormatVersion, why);
}

std::uint32_t record_checksum(RecordType type, std::uint64_t seq, std::string_view payload) {
  char fields[9];
  fields[0] = static_cast<char>(type);
  put_fixed64(fields + 1, seq);
  return crc32c::mask(crc32c::extend(crc32c::value(std::string_view(fields, sizeof fields)), payload));
}

std::array<char, kRecordHeaderSize> encode_record_header(const RecordHeader& header) {
  std::array<char, kRecordHeaderSize> out{};
  put_fixed32(out.data(), header.masked_crc);
  put_fixed32(out.data() + 4, header.length);
  out[8] = static_cast<char>(header.type);
  put_fixed64(out.data() + 9, header.seq);
  return out;
}

RecordHeader decode_record_header(std::string_view bytes) {
  RecordHeader header;
  header.masked_crc = get_fixed32(bytes.data());
  header.length = get_fixed32(bytes.data() + 4);
  header.type = static_cast<std::uint8_t>(bytes[8]);
  header.seq = get_fixed64(bytes.data() + 9);
  return header;
}

std::string encode_record(std::uint64_t seq, std::string_view payload) {
  RecordHeader header;
  header.masked_crc = record_checksum(RecordType::kPayload, seq, payload);
  header.length = static_cast<std::uint32_t>(payload.size());
  header.type = static_cast<std::uint8_t>(RecordType::kPayload);
  header.seq = seq;
  const auto head = encode_record_header(header);
  std::string out;
  out.reserve(head.size() + payload.size());
  out.append(head.data(), head.size());
  out.append(payload);
  return out;
}

std::string segment_file_name(std::uint64_t first_seq) {
  return fmt::format("{:0{}}{}", first_seq, kSegmentNameDigits, kSegmentSuffix);
}

std::optional<std::uint64_t> parse_segment_file_name(std::string_view name) {
  if (name.size() != kSegmentNameDigits + kSegmentSuffix.size() || !name.ends_with(kSegmentSuffix)) {
    return std::nullopt;
  }
  const std::string_view digits = name.substr(0, kSegmentNameDigits);
  std::uint64_t first_seq = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), first_seq);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return first_seq;
}

std::array<char, kAckFloorFileSize> encode_ack_floor(std::uint64_t floor) {
  std::array<char, kAckFloorFileSize> out{};
  put_fixed64(out.data(), floor);
  put_fixed32(out.data() + 8, crc32c::masked_value(std::string_view(out.data(), 8)));
  return out;
}

std::optional<std::uint64_t> decode_ack_floor(std::string_view bytes, std::string* why) {
  if (bytes.size() != kAckFloorFileSize) {
    *why = fmt::format("ack floor is {} bytes, expected {}", bytes.size(), kAckFloorFileSize);
    return std::nullopt;
  }
  if (get_fixed32(bytes.data() + 8) != crc32c::masked_value(bytes.substr(0, 8))) {
    *why = "ack floor checksum mismatch";
    return std::nullopt;
  }
  return get_fixed64(bytes.data());
}

}  // namespace anpr::spool
