// Validation of TrackerOptions; see tracker_options.h.
#include "edge/track/tracker_options.h"

#include <string>

#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

std::string us(std::chrono::microseconds d) { return std::to_string(d.count()) + " us"; }

void require_confidence(double value, const char* name) {
  if (!(value >= 0.0 && value <= 1.0)) {
    throw TrackError(std::string("tracker ") + name + " " + std::to_string(value) + " is outside [0, 1]");
  }
}

}  // namespace

void validate(const TrackerOptions& options) {
  if (options.max_gap.count() <= 0) throw TrackError("tracker max_gap " + us(options.max_gap) + " must be positive");
  if (options.max_track_duration <= options.max_gap) {
    throw TrackError("tracker max_track_duration " + us(options.max_track_duration) + " must exceed max_gap " +
                     us(options.max_gap));
  }
  if (options.max_delay) {
    if (options.max_delay->count() <= 0 || *options.max_delay >= options.max_track_duration) {
      throw TrackError("tracker max_delay " + us(*options.max_delay) + " must be positive and below " +
                       "max_track_duration " + us(options.max_track_duration));
    }
  }
  if (options.rearm_interval.count() < 0) {
    throw TrackError("tracker rearm_interval " + us(options.rearm_interval) + " is negative");
  }
  if (options.min_frames == 0) throw TrackError("tracker min_frames must be at least 1");
  require_confidence(options.min_confidence, "min_confidence");
  require_confidence(options.early_min_confidence, "early_min_confidence");
  // Early emission skips the end-of-track check, so it must be at least as
  // strict as that check.
  if (options.early_min_frames < options.min_frames) {
    throw TrackError("tracker early_min_frames " + std::to_string(options.early_min_frames) +
                     " is below min_frames " + std::to_string(options.min_frames));
  }
  if (options.early_min_confidence < options.min_confidence) {
    throw TrackError("tracker early_min_confidence " + std::to_string(options.early_min_confidence) +
                     " is below min_confidence " + std::to_string(options.min_confidence));
  }
  if (options.motion_history < 2) {
    throw TrackError("tracker motion_history " + std::to_string(options.motion_history) +
                     " must be at least 2 to see motion");
  }
  if (options.text_history == 0) throw TrackError("tracker text_history must be at least 1");
  validate(options.association);
  validate(options.voter);
  validate(options.direction);
}

}  // namespace anpr::track
