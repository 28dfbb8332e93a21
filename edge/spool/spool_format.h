// On-disk format of the edge spool, shared by the writer that appends records
// and the reader that replays them; docs/spool-format.md is the prose version
// and says why each field exists.
//
// A spool directory holds segment files named after the sequence number of
// their first record (20 digits, so name order is replay order), one ACKED file
// with the persisted ack floor, and a LOCK file. A segment is
//
//   header: magic u32 | version u32 | first_seq u64 | masked crc32c u32 of the 16 bytes before it
//   record*
//
// and a record is
//
//   checksum u32 | length u32 | type u8 | seq u64 | payload[length]
//
// where checksum is the masked CRC-32C of type, seq and payload. Integers are
// little-endian. Records never span segments and sequence numbers inside one
// segment are consecutive, starting at first_seq.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/encoding/segment_header.h"

namespace anpr::spool {

inline constexpr std::uint32_t kSegmentMagic = 0x4c505341;  // "ASPL" as little-endian bytes
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::size_t kSegmentHeaderSize = encoding::kSegmentHeaderSize;
inline constexpr std::size_t kRecordHeaderSize = 17;
inline constexpr std::size_t kAckFloorFileSize = 12;

// A sighting is at most 1 MiB serialized; anything larger in a length field is
// corruption, and the bound keeps a bad length from causing a huge allocation.
inline constexpr std::uint32_t kMaxPayloadSize = 1u << 20;

inline constexpr std::string_view kSegmentSuffix = ".seg";
inline constexpr std::string_view kAckFloorFileName = "ACKED";
inline constexpr std::string_view kLockFileName = "LOCK";

enum class RecordType : std::uint8_t {
  // Never written. Some file systems leave a zero-filled tail after power loss
  // (size updated, data not); type 0 makes such a region fail as a record.
  kZero = 0,
  kPayload = 1,
};

struct RecordHeader {
  std::uint32_t masked_crc = 0;
  std::uint32_t length = 0;
  std::uint8_t type = 0;
  std::uint64_t seq = 0;
};

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint64_t first_seq);

// The first sequence number stored in a segment header, or nullopt with *why
// saying what is wrong (bad magic, unknown version, checksum mismatch).
std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::string* why);

// The masked checksum a record with these fields must carry.
std::uint32_t record_checksum(RecordType type, std::uint64_t seq, std::string_view payload);

std::array<char, kRecordHeaderSize> encode_record_header(const RecordHeader& header);

// `bytes` must hold at least kRecordHeaderSize bytes; no field is validated.
RecordHeader decode_record_header(std::string_view bytes);

// Header plus payload, ready for a single write().
std::string encode_record(std::uint64_t seq, std::string_view payload);

// "00000000000000000042.seg" for first_seq 42.
std::string segment_file_name(std::uint64_t first_seq);

// The first sequence number of a segment file name, nullopt for any other name.
std::optional<std::uint64_t> parse_segment_file_name(std::string_view name);

std::array<char, kAckFloorFileSize> encode_ack_floor(std::uint64_t floor);

// The floor stored in an ACKED file's contents, or nullopt with *why set.
std::optional<std::uint64_t> decode_ack_floor(std::string_view bytes, std::string* why);

}  // namespace anpr::spool
