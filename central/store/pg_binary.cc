// PostgreSQL binary spellings; see pg_binary.h.
#include "central/store/pg_binary.h"

#include <cstdint>
#include <limits>

#include "central/store/store_error.h"

namespace anpr::store {

namespace {

constexpr int32_t kByteaOid = 17;

void put_int32(std::string& out, int32_t value) {
  const auto v = static_cast<uint32_t>(value);
  out += static_cast<char>(v >> 24);
  out += static_cast<char>(v >> 16);
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}

}  // namespace

std::string bytea_array_binary(std::span<const std::string_view> values) {
  std::size_t size = 20;
  bool has_null = false;
  for (std::string_view v : values) {
    if (v.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
      throw StoreError("bytea array element of " + std::to_string(v.size()) + " bytes is over PostgreSQL's limit");
    }
    size += 4 + v.size();
    has_null = has_null || v.empty();
  }
  if (values.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw StoreError("bytea array of " + std::to_string(values.size()) + " elements is too long");
  }
  std::string out;
  out.reserve(size);
  put_int32(out, 1);  // dimensions
  put_int32(out, has_null ? 1 : 0);
  put_int32(out, kByteaOid);
  put_int32(out, static_cast<int32_t>(values.size()));
  put_int32(out, 1);  // lower bound
  for (std::string_view v : values) {
    put_int32(out, v.empty() ? -1 : static_cast<int32_t>(v.size()));
    out.append(v);
  }
  return out;
}

}  // namespace anpr::store
