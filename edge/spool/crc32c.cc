// Byte-at-a-time CRC-32C with a table built at compile time; see crc32c.h.
#include "crc32c.h"

#include <array>

namespace anpr::spool::crc32c {

namespace {

constexpr std::uint32_t kPolynomial = 0x82f63b78u;  // Castagnoli, bit-reversed

constexpr std::array<std::uint32_t, 256> make_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t crc = i;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? (crc >> 1) ^ kPolynomial : crc >> 1;
    table[i] = crc;
  }
  return table;
}

constexpr std::array<std::uint32_t, 256> kTable = make_table();

}  // namespace

std::uint32_t extend(std::uint32_t crc, std::string_view data) {
  std::uint32_t state = ~crc;
  for (char c : data) state = kTable[(state ^ static_cast<unsigned char>(c)) & 0xffu] ^ (state >> 8);
  return ~state;
}

}  // namespace anpr::spool::crc32c
