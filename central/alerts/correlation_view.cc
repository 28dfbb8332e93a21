// Wire sighting to correlation sighting; see correlation_view.h.
#include "central/alerts/correlation_view.h"

namespace anpr::alerts {

correlate::Direction direction_of(int value) {
  return value >= 1 && value <= 3 ? static_cast<correlate::Direction>(value) : correlate::Direction::kUnspecified;
}

correlate::ClockState clock_state_of(int value) {
  return value >= 1 && value <= 3 ? static_cast<correlate::ClockState>(value) : correlate::ClockState::kUnspecified;
}

correlate::Sighting correlation_view(const v1::Sighting& s) {
  correlate::Sighting out;
  out.event_id = s.event_id();
  out.plate_text = s.plate_text();
  out.plate_country = s.plate_country();
  out.site_id = s.site_id();
  out.camera_id = s.camera_id();
  out.captured_at_us = s.captured_at_us();
  out.direction = direction_of(s.direction());
  out.read_confidence = s.read_confidence();
  out.clock_state = clock_state_of(s.clock_sync().state());
  out.clock_error_us = s.clock_sync().error_bound_us();
  return out;
}

}  // namespace anpr::alerts
