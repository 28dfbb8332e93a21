// PostgreSQL text spellings; see pg_text.h.
#include "central/store/pg_text.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "central/store/store_error.h"
#include "common/uuid/uuid.h"

namespace anpr::store {

namespace {

constexpr char kHex[] = "0123456789abcdef";

template <typename T, typename Spell>
std::string array_literal(std::span<const T> values, Spell spell) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += spell(values[i]);
  }
  out += '}';
  return out;
}

}  // namespace

std::string timestamptz_text(int64_t epoch_us) {
  using namespace std::chrono;
  sys_time<microseconds> t{microseconds{epoch_us}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<microseconds> tod{t - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d.%06lld+00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()), static_cast<long long>(tod.subseconds().count()));
  return buf;
}

std::string real_text(float value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(value));
  return buf;
}

std::string epoch_us_sql(std::string_view column) {
  return "(extract(epoch FROM " + std::string(column) + ") * 1000000)::bigint";
}

std::string uuid_text(std::string_view bytes) {
  if (bytes.size() != 16) {
    throw StoreError("event id must be 16 bytes (a raw UUID), got " + std::to_string(bytes.size()));
  }
  return uuid::to_text(bytes);
}

std::string uuid_bytes(std::string_view text) {
  auto bytes = uuid::from_text(text);
  if (!bytes) throw StoreError("'" + std::string(text) + "' is not a UUID in canonical text form");
  return *bytes;
}

std::string bytea_text(std::string_view bytes) {
  std::string out;
  out.reserve(2 + 2 * bytes.size());
  out += "\\x";
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 0x0f];
  }
  return out;
}

std::string text_array(std::span<const std::string> values) {
  return array_literal(values, [](const std::string& v) {
    std::string quoted = "\"";
    for (char c : v) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + '"';
  });
}

std::string real_array(std::span<const float> values) { return array_literal(values, real_text); }

std::string bigint_array(std::span<const int64_t> values) {
  return array_literal(values, [](int64_t v) { return std::to_string(v); });
}

}  // namespace anpr::store
