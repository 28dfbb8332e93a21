// Event and alert ids: UUIDv7 (RFC 9562), 16 raw bytes on the wire. The
// leading 48 bits are the Unix time in milliseconds, so ids made on one box
// sort by creation time and PostgreSQL's index on them stays append-mostly;
// the remaining 74 bits are random, so edge boxes never need to coordinate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anpr::uuid {

// A new UUIDv7 for the given time (default: now), as 16 raw bytes.
std::string v7(int64_t unix_ms);
std::string v7();

// "0190f1c2-7a3b-7c4d-8e5f-0123456789ab" for 16 raw bytes; "<N bytes: hex>"
// for anything else, so a malformed id from the wire can still be logged.
std::string to_text(std::string_view bytes);

// The 16 raw bytes of a textual UUID, or nullopt when `text` is not one.
std::optional<std::string> from_text(std::string_view text);

}  // namespace anpr::uuid
