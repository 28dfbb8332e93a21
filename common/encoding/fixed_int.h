// Fixed-width little-endian integers, as the on-disk formats store them
// (edge spool segments, central evidence segments), written byte by byte so
// the files read the same on any host. LevelDB's util/coding.h is the model.
#pragma once

#include <cstdint>

namespace anpr::encoding {

inline void put_fixed32(char* dst, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) dst[i] = static_cast<char>((value >> (8 * i)) & 0xffu);
}

inline void put_fixed64(char* dst, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) dst[i] = static_cast<char>((value >> (8 * i)) & 0xffu);
}

inline std::uint32_t get_fixed32(const char* src) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value |= std::uint32_t{static_cast<unsigned char>(src[i])} << (8 * i);
  return value;
}

inline std::uint64_t get_fixed64(const char* src) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= std::uint64_t{static_cast<unsigned char>(src[i])} << (8 * i);
  return value;
}

}  // namespace anpr::encoding
