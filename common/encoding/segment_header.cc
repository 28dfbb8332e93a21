// The shared segment header; see segment_header.h.
#include "common/encoding/segment_header.h"

#include <spdlog/fmt/fmt.h>

#include "common/crc32c/crc32c.h"
#include "common/encoding/fixed_int.h"

namespace anpr::encoding {

std::array<char, kSegmentHeaderSize> encode_segment_header(std::uint32_t magic, std::uint32_t version,
                                                           std::uint64_t value) {
  std::array<char, kSegmentHeaderSize> out{};
  put_fixed32(out.data(), magic);
  put_fixed32(out.data() + 4, version);
  put_fixed64(out.data() + 8, value);
  put_fixed32(out.data() + 16, crc32c::masked_value(std::string_view(out.data(), 16)));
  return out;
}

std::optional<std::uint64_t> decode_segment_header(std::string_view bytes, std::uint32_t magic,
                                                   std::uint32_t version, std::string* why) {
  if (bytes.size() < kSegmentHeaderSize) {
    *why = fmt::format("segment header truncated ({} of {} bytes)", bytes.size(), kSegmentHeaderSize);
    return std::nullopt;
  }
  if (const std::uint32_t found = get_fixed32(bytes.data()); found != magic) {
    *why = fmt::format("bad segment magic {:#010x} (expected {:#010x})", found, magic);
    return std::nullopt;
  }
  if (const std::uint32_t found = get_fixed32(bytes.data() + 4); found != version) {
    *why = fmt::format("unsupported segment format version {} (this build reads {})", found, version);
    return std::nullopt;
  }
  if (get_fixed32(bytes.data() + 16) != crc32c::masked_value(bytes.substr(0, 16))) {
    *why = "segment header checksum mismatch";
    return std::nullopt;
  }
  return get_fixed64(bytes.data() + 8);
}

}  // namespace anpr::encoding
