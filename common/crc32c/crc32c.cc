// CRC-32C: the SSE 4.2 instruction where the CPU has it, else a table built
// at compile time; see crc32c.h.
#include "common/crc32c/crc32c.h"

#include <array>
#include <cstddef>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace anpr::crc32c {

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

std::uint32_t extend_table(std::uint32_t state, std::string_view data) {
  for (char c : data) state = kTable[(state ^ static_cast<unsigned char>(c)) & 0xffu] ^ (state >> 8);
  return state;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t extend_sse42(std::uint32_t state, std::string_view data) {
  const char* p = data.data();
  std::size_t n = data.size();
  std::uint64_t wide = state;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    wide = _mm_crc32_u64(wide, word);
  }
  state = static_cast<std::uint32_t>(wide);
  for (; n > 0; ++p, --n) state = _mm_crc32_u8(state, static_cast<unsigned char>(*p));
  return state;
}

const bool kHaveSse42 = __builtin_cpu_supports("sse4.2");
#endif

}  // namespace

std::uint32_t extend(std::uint32_t crc, std::string_view data) {
#if defined(__x86_64__)
  if (kHaveSse42) return ~extend_sse42(~crc, data);
#endif
  return ~extend_table(~crc, data);
}

}  // namespace anpr::crc32c
