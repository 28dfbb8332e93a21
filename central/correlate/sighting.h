// What correlation needs to know of one sighting, and when two sightings may
// be compared at all. The ingest path fills this from a decoded
// anpr.v1.Sighting (the current one) and from a row of the sightings table
// (the previous one), so the correlation logic depends on neither protobuf
// nor the database.
#pragma once

#include <cstdint>
#include <string>

namespace anpr::correlate {

// Same numbers as anpr.v1.Direction, so the caller can static_cast.
enum class Direction { kUnspecified = 0, kApproaching = 1, kReceding = 2, kStationary = 3 };

// Same numbers as anpr.v1.ClockSyncState.
enum class ClockState { kUnspecified = 0, kSynced = 1, kHoldover = 2, kUnsynced = 3 };

struct Sighting {
  std::string event_id;       // 16 raw bytes of the UUIDv7
  std::string plate_text;     // normalised: A-Z and 0-9 only
  std::string plate_country;  // ISO 3166-1 alpha-2; empty when not read
  std::string site_id;
  std::string camera_id;
  int64_t captured_at_us = 0;  // UTC, microseconds since the Unix epoch
  Direction direction = Direction::kUnspecified;
  double read_confidence = 0;
  ClockState clock_state = ClockState::kUnspecified;
  int64_t clock_error_us = 0;  // the edge's error bound; 0 = unknown
};

// Times from different edges can only be compared when both edges had been
// disciplined by NTP/PTP (docs/protocol.md, ClockSync); an unsynced box's
// time is only good for ordering its own sightings.
bool clock_trusted(const Sighting& s);

// True when `a` and `b` are two different sightings that can be of one
// vehicle: the same plate text, plate countries that do not differ (an
// unread country excludes nothing) and clocks that can be compared.
bool pairable(const Sighting& a, const Sighting& b);

// How far apart the two capture times may be wrong, together: the sum of
// both edges' reported error bounds.
int64_t clock_slack_us(const Sighting& a, const Sighting& b);

}  // namespace anpr::correlate
