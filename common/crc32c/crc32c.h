// CRC-32C (Castagnoli), the checksum of every edge spool record and every
// central evidence record. Chosen over plain CRC-32 for its better error
// detection on storage-sized blocks and because it is what LevelDB, ext4 and
// iSCSI use, so its behaviour on torn writes is well understood. x86-64 CPUs
// with SSE 4.2 compute it in hardware (central checks 60 MB/s of images at
// full ingest); elsewhere a table does a byte at a time.
//
// Stored checksums are masked (as LevelDB does): the CRC of data that itself
// contains CRCs is otherwise weak, and a spool payload may embed checksums.
#pragma once

#include <cstdint>
#include <string_view>

namespace anpr::crc32c {

// The CRC of concat(A, data) where `crc` is the CRC of some string A; lets a
// record's checksum cover its header fields and payload without copying them.
std::uint32_t extend(std::uint32_t crc, std::string_view data);

inline std::uint32_t value(std::string_view data) { return extend(0, data); }

inline constexpr std::uint32_t kMaskDelta = 0xa282ead8u;

// Rotate right by 15 bits and add a constant.
inline std::uint32_t mask(std::uint32_t crc) { return ((crc >> 15) | (crc << 17)) + kMaskDelta; }

// The masked CRC of `data`: what the on-disk formats store.
inline std::uint32_t masked_value(std::string_view data) { return mask(value(data)); }

inline std::uint32_t unmask(std::uint32_t masked) {
  const std::uint32_t rot = masked - kMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace anpr::crc32c
