// On-disk format of central's evidence segments, shared by the writer that
// appends plate and overview images and the reader that fetches one back;
// docs/evidence-format.md is the prose version and says why each field
// exists.
//
// The evidence directory holds one folder per UTC capture day
// ("2026-11-25"), so that a day's images go with that day's sightings
// partition, and in it segment files named by their 64-bit id in hex
// ("0006445c8e3b2a41.seg"). A segment is
//
//   header: magic u32 | version u32 | segment_id u64 | masked crc32c u32 of the 16 bytes before it
//   record*
//
// and a record is
//
//   checksum u32 | length u32 | event_id[16] | plate_size u32 | plate[plate_size] | overview[rest]
//
// where length counts the bytes after the length field and checksum is the
// masked CRC-32C of those bytes. Integers are little-endian. The database
// row of a sighting holds (segment_id, offset of its record); the day comes
// from its capture time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/encoding/segment_header.h"

namespace anpr::evidence_store {

inline constexpr std::uint32_t kSegmentMagic = 0x44564541;  // "AEVD" as little-endian bytes
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::size_t kSegmentHeaderSize = encoding::kSegmentHeaderSize;
inline constexpr std::size_t kRecordHeaderSize = 8;         // checksum, length
inline constexpr std::size_t kRecordFixedSize = 16 + 4;     // event id, plate size
inline constexpr std::size_t kEventIdSize = 16;

// Far above two images of a sighting (the protocol caps a message at 1 MiB);
// a larger length field is corruption, and the bound keeps a bad length from
// causing a huge allocation.
inline constexpr std::uint32_t kMaxRecordLength = 16u << 20;

// Where one sighting's images are: the segment and the offset of the record.
struct EvidenceLocation {
  std::uint64_t segment_id = 0;
  std::uint64_t offset = 0;
};

struct EvidenceRecord {
  std::string event_id;  // 16 raw bytes
  std::string plate_jpeg;
  std::string overview_jpeg;
};

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint64_t segment_id);

// The segment id stored in a header, or nullopt with *why saying what is
// wrong (bad magic, unknown version, checksum mismatch).
std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::string* why);

// Appends the record of one sighting's images to `out`. `event_id` must be
// 16 bytes and the record no longer than kMaxRecordLength (std::invalid_argument).
void append_record(std::string& out, std::string_view event_id, std::string_view plate_jpeg,
                   std::string_view overview_jpeg);

// The length field of a record header (the first kRecordHeaderSize bytes).
std::uint32_t record_length(std::string_view header);

// The record in `bytes` (header and body, exactly), or nullopt with *why set
// when its checksum or layout is wrong.
std::optional<EvidenceRecord> decode_record(std::string_view bytes, std::string* why);

// "0006445c8e3b2a41.seg".
std::string segment_file_name(std::uint64_t segment_id);

// The folder of a capture day, "2026-11-25", for µs since the Unix epoch (UTC).
std::string day_folder_name(std::int64_t captured_at_us);

}  // namespace anpr::evidence_store
