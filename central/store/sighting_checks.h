// What a sighting must satisfy before the store will write it. One bad
// sighting must never fail the batch it arrived in (the edge would resend
// that batch forever, holding up every good sighting with it), so anything
// PostgreSQL would refuse is caught here and reported per sighting instead.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "anpr/v1/sighting.pb.h"

namespace anpr::store {

// Capture times the store accepts, relative to now. Older sightings would
// land in day partitions that retention may already have dropped (keep
// max_age below the retention period); times further ahead than a clock
// can plausibly be wrong by would create partitions for days that never
// come.
struct CaptureWindow {
  std::chrono::microseconds max_age = std::chrono::days(90);
  std::chrono::microseconds max_ahead = std::chrono::hours(24);
};

// Why `sighting` cannot be stored, or nullopt when it can: an event id that
// is not 16 bytes, a capture time outside `window` around `now_us`, or a
// text field holding a NUL character (PostgreSQL text cannot).
std::optional<std::string> storage_problem(const anpr::v1::Sighting& sighting, int64_t now_us,
                                           const CaptureWindow& window);

}  // namespace anpr::store
