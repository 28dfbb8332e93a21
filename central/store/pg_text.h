// How the store spells values in PostgreSQL's text format: as COPY fields
// and as query parameters. Kept apart from the SQL so that the exact
// spelling of a timestamp or an array, where an off-by-one or a missed
// escape would silently corrupt rows, is tested on its own.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace anpr::store {

// A timestamptz literal in UTC with microseconds, "2024-05-01 13:45:07.123456+00",
// for µs since the Unix epoch (the protocol's time unit).
std::string timestamptz_text(int64_t epoch_us);

// The SQL expression turning a timestamptz column into µs since the epoch
// (exact: extract() returns numeric).
std::string epoch_us_sql(std::string_view column);

// A real (float4) that reads back as exactly `value`, NaN and infinities
// included.
std::string real_text(float value);

// The canonical text of a UUID, "0190c6a0-...", from its 16 raw bytes.
// Throws StoreError when `bytes` is not 16 bytes long.
std::string uuid_text(std::string_view bytes);

// The 16 raw bytes of a UUID from its canonical text. Throws StoreError on
// anything else.
std::string uuid_bytes(std::string_view text);

// bytea input in hex format, "\x0a1b...".
std::string bytea_text(std::string_view bytes);

// One-dimensional array literals: "{"AB1","A81"}", "{0.5,1}", "{1,2}". Text
// elements are always quoted, so no element can be read as NULL or split.
std::string text_array(std::span<const std::string> values);
std::string real_array(std::span<const float> values);
std::string bigint_array(std::span<const int64_t> values);

}  // namespace anpr::store
