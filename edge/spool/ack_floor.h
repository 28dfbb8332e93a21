// The persisted ack floor of a spool: every sequence number <= floor has been
// acknowledged by the central server. Only this single number survives a
// restart (acks above it that arrived out of order are forgotten and those
// records are sent again, which at-least-once delivery allows), so it must be
// replaced atomically: a crash leaves either the old floor or the new one.
#pragma once

#include <cstdint>
#include <filesystem>

namespace anpr::spool {

// The floor stored in <dir>/ACKED; 0 if there is none yet. A damaged file
// also reads as 0, with a warning: resending acked records is harmless,
// refusing to start is not.
std::uint64_t load_ack_floor(const std::filesystem::path& dir);

// Replaces <dir>/ACKED durably and atomically.
void store_ack_floor(const std::filesystem::path& dir, std::uint64_t floor);

}  // namespace anpr::spool
