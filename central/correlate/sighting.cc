// When two sightings may be compared; see sighting.h.
#include "central/correlate/sighting.h"

#include <algorithm>

namespace anpr::correlate {

bool clock_trusted(const Sighting& s) {
  return s.clock_state == ClockState::kSynced || s.clock_state == ClockState::kHoldover;
}

bool pairable(const Sighting& a, const Sighting& b) {
  if (a.event_id == b.event_id || a.plate_text != b.plate_text) return false;
  if (!a.plate_country.empty() && !b.plate_country.empty() && a.plate_country != b.plate_country) return false;
  return clock_trusted(a) && clock_trusted(b);
}

int64_t clock_slack_us(const Sighting& a, const Sighting& b) {
  return std::max<int64_t>(a.clock_error_us, 0) + std::max<int64_t>(b.clock_error_us, 0);
}

}  // namespace anpr::correlate
