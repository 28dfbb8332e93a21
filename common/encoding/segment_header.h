// The 20-byte header both on-disk segment formats begin with (edge spool,
// docs/spool-format.md; central evidence, docs/evidence-format.md):
//
//   magic u32 | version u32 | value u64 | masked crc32c u32 of the 16 bytes before it
//
// Each format has its own magic and version and says what the value is (the
// spool's first sequence number, the evidence segment's id).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anpr::encoding {

inline constexpr std::size_t kSegmentHeaderSize = 20;

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint32_t magic, std::uint32_t version,
                                                           std::uint64_t value);

// The header's value, or nullopt with *why saying what is wrong (truncated,
// another format's magic, an unknown version, checksum mismatch).
std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::uint32_t magic,
                                                   std::uint32_t version, std::string* why);

}  // namespace anpr::encoding
