// Loading and atomically storing a spool's ack floor; see ack_floor.h.
#include "ack_floor.h"

#include <fcntl.h>

#include <array>
#include <string>

#include <spdlog/spdlog.h>

#include "common/posix/posix_file.h"
#include "spool_format.h"

namespace anpr::spool {

std::uint64_t load_ack_floor(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kAckFloorFileName;
  if (!std::filesystem::exists(path)) return 0;
  posix::File file(path, O_RDONLY);
  // One byte more than the format needs, so an over-long file is noticed.
  std::array<char, kAckFloorFileSize + 1> bytes{};
  const std::size_t got = file.read_at(0, bytes.data(), bytes.size());
  std::string why;
  const auto floor = decode_ack_floor(std::string_view(bytes.data(), got), &why);
  if (!floor) {
    spdlog::warn("spool_ack_floor_unreadable file={} reason=\"{}\" floor_used=0", path.string(), why);
    return 0;
  }
  return *floor;
}

void store_ack_floor(const std::filesystem::path& dir, std::uint64_t floor) {
  posix::replace_file_atomically(dir / kAckFloorFileName,
                          std::string_view(encode_ack_floor(floor).data(), kAckFloorFileSize));
}

}  // namespace anpr::spool
