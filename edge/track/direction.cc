// Direction of travel from a track's motion; see direction.h.
#include "edge/track/direction.h"

#include <cmath>
#include <string>

#include "edge/track/motion.h"
#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

// -1, 0 or +1: which side of the dead band [-threshold, threshold] x is on.
int sign_beyond(double x, double threshold) {
  if (x >= threshold) return 1;
  if (x <= -threshold) return -1;
  return 0;
}

double towards_component(ImageDirection towards, double dx, double dy) {
  switch (towards) {
    case ImageDirection::down:
      return dy;
    case ImageDirection::up:
      return -dy;
    case ImageDirection::right:
      return dx;
    case ImageDirection::left:
      return -dx;
  }
  return 0.0;
}

double compass(double degrees) {
  const double wrapped = std::fmod(degrees, 360.0);
  return wrapped < 0.0 ? wrapped + 360.0 : wrapped;
}

DirectionEstimate moving(Direction direction, const DirectionOptions& options) {
  const double offset = direction == Direction::approaching ? 180.0 : 0.0;
  return {direction, compass(options.camera_heading_deg + offset)};
}

}  // namespace

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::unknown:
      return "unknown";
    case Direction::approaching:
      return "approaching";
    case Direction::receding:
      return "receding";
    case Direction::stationary:
      return "stationary";
  }
  return "unknown";
}

DirectionEstimate estimate_direction(std::span<const Observation> observations, const DirectionOptions& options) {
  if (observations.size() < 2) return {};
  const std::int64_t first_us = observations.front().timestamp_us;
  const std::int64_t last_us = observations.back().timestamp_us;
  if (last_us <= first_us) return {};

  const BoxTrend trend = fit_motion(observations);
  const Box start = trend.at(first_us);
  const Box end = trend.at(last_us);
  const double plate_width = (start.width + end.width) / 2.0;
  const double dx = (end.centre_x() - start.centre_x()) / plate_width;
  const double dy = (end.centre_y() - start.centre_y()) / plate_width;
  const double along = towards_component(options.towards, dx, dy);
  const double scale = std::log(end.width / start.width);

  const int by_position = sign_beyond(along, options.min_displacement);
  const int by_size = sign_beyond(scale, options.min_scale_change);
  if (by_position != 0 && by_size != 0 && by_position != by_size) return {};
  const int verdict = by_position != 0 ? by_position : by_size;
  if (verdict > 0) return moving(Direction::approaching, options);
  if (verdict < 0) return moving(Direction::receding, options);

  const bool barely_moved = std::hypot(dx, dy) < options.min_displacement;
  const bool long_enough = std::chrono::microseconds(last_us - first_us) >= options.min_stationary_duration;
  if (barely_moved && long_enough) return {Direction::stationary, std::nullopt};
  return {};
}

void validate(const DirectionOptions& options) {
  if (!(options.camera_heading_deg >= 0.0 && options.camera_heading_deg < 360.0)) {
    throw TrackError("direction camera_heading_deg " + std::to_string(options.camera_heading_deg) +
                     " is outside [0, 360)");
  }
  if (!(options.min_displacement > 0.0 && std::isfinite(options.min_displacement))) {
    throw TrackError("direction min_displacement " + std::to_string(options.min_displacement) +
                     " plate widths must be positive");
  }
  if (!(options.min_scale_change > 0.0 && std::isfinite(options.min_scale_change))) {
    throw TrackError("direction min_scale_change " + std::to_string(options.min_scale_change) +
                     " must be positive");
  }
  if (options.min_stationary_duration.count() < 0) {
    throw TrackError("direction min_stationary_duration " + std::to_string(options.min_stationary_duration.count()) +
                     " us is negative");
  }
}

}  // namespace anpr::track
