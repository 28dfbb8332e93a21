// UUIDv7 generation and text form; see uuid.h.
#include "common/uuid/uuid.h"

#include <chrono>
#include <random>

namespace anpr::uuid {

namespace {

constexpr char kHex[] = "0123456789abcdef";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string v7(int64_t unix_ms) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string out(16, '\0');
  for (int i = 0; i < 6; ++i) out[i] = static_cast<char>((unix_ms >> (8 * (5 - i))) & 0xff);
  uint64_t a = rng(), b = rng();
  for (int i = 6; i < 16; ++i) out[i] = static_cast<char>(((i < 11 ? a : b) >> (8 * (i % 8))) & 0xff);
  out[6] = static_cast<char>(0x70 | (out[6] & 0x0f));  // version 7
  out[8] = static_cast<char>(0x80 | (out[8] & 0x3f));  // RFC 9562 variant
  return out;
}

std::string v7() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return v7(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

std::string to_text(std::string_view bytes) {
  std::string out;
  if (bytes.size() != 16) out = "<" + std::to_string(bytes.size()) + " bytes: ";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes.size() == 16 && (i == 4 || i == 6 || i == 8 || i == 10)) out += '-';
    auto byte = static_cast<unsigned char>(bytes[i]);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  if (bytes.size() != 16) out += ">";
  return out;
}

std::optional<std::string> from_text(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi << 4 | lo);
    i += 2;
  }
  return out;
}

}  // namespace anpr::uuid
