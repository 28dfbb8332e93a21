// Encoding and decoding of evidence segments; see evidence_format.h.
#include "central/evidence/evidence_format.h"

#include <chrono>
#include <cstring>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>

#include "common/crc32c/crc32c.h"
#include "common/encoding/fixed_int.h"
#include "common/encoding/segment_header.h"

namespace anpr::evidence_store {

namespace {

using encoding::get_fixed32;
using encoding::put_fixed32;

}  // namespace

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint64_t segment_id) {
  return encoding::encode_segment_header(kSegmentMagic, kFormatVersion, segment_id);
}

std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::string* why) {
  return encoding::decode_segment_header(bytes, kSegmentMagic, kFormatVersion, why);
}

void append_record(std::string& out, std::string_view event_id, std::string_view plate_jpeg,
                   std::string_view overview_jpeg) {
  if (event_id.size() != kEventIdSize) {
    throw std::invalid_argument(fmt::format("evidence event id must be 16 bytes, got {}", event_id.size()));
  }
  const std::size_t length = kRecordFixedSize + plate_jpeg.size() + overview_jpeg.size();
  if (length > kMaxRecordLength) {
    throw std::invalid_argument(fmt::format("evidence record of {} bytes exceeds {}", length, kMaxRecordLength));
  }
  const std::size_t start = out.size();
  out.resize(start + kRecordHeaderSize + kRecordFixedSize);
  char* header = out.data() + start;
  put_fixed32(header + 4, static_cast<std::uint32_t>(length));
  std::memcpy(header + kRecordHeaderSize, event_id.data(), kEventIdSize);
  put_fixed32(header + kRecordHeaderSize + kEventIdSize, static_cast<std::uint32_t>(plate_jpeg.size()));
  out.append(plate_jpeg);
  out.append(overview_jpeg);
  const std::string_view body(out.data() + start + kRecordHeaderSize, length);
  put_fixed32(out.data() + start, crc32c::masked_value(body));
}

std::uint32_t record_length(std::string_view header) { return get_fixed32(header.data() + 4); }

std::optional<EvidenceRecord> decode_record(std::string_view bytes, std::string* why) {
  if (bytes.size() < kRecordHeaderSize + kRecordFixedSize) {
    *why = fmt::format("record truncated ({} bytes)", bytes.size());
    return std::nullopt;
  }
  const std::uint32_t length = record_length(bytes);
  if (length < kRecordFixedSize || length > kMaxRecordLength || length != bytes.size() - kRecordHeaderSize) {
    *why = fmt::format("record length {} does not fit the {} bytes read", length, bytes.size());
    return std::nullopt;
  }
  const std::string_view body = bytes.substr(kRecordHeaderSize);
  if (crc32c::unmask(get_fixed32(bytes.data())) != crc32c::value(body)) {
    *why = "record checksum mismatch";
    return std::nullopt;
  }
  const std::uint32_t plate_size = get_fixed32(body.data() + kEventIdSize);
  if (plate_size > body.size() - kRecordFixedSize) {
    *why = fmt::format("plate image size {} exceeds the record", plate_size);
    return std::nullopt;
  }
  EvidenceRecord record;
  record.event_id = std::string(body.substr(0, kEventIdSize));
  record.plate_jpeg = std::string(body.substr(kRecordFixedSize, plate_size));
  record.overview_jpeg = std::string(body.substr(kRecordFixedSize + plate_size));
  return record;
}

std::string segment_file_name(std::uint64_t segment_id) { return fmt::format("{:016x}.seg", segment_id); }

std::string day_folder_name(std::int64_t captured_at_us) {
  using namespace std::chrono;
  const auto day = floor<days>(sys_time<microseconds>(microseconds(captured_at_us)));
  const year_month_day ymd(day);
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

}  // namespace anpr::evidence_store
