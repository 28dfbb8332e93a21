// Which way a vehicle went, from how its plate moved in the image. A plate
// that grows and moves towards the image side the camera's road comes from
// is approaching the camera; one that shrinks and moves the other way is
// receding; one that barely moves for a while is stationary (a car waiting
// at the barrier). Which image side means "towards" and the compass heading
// the camera looks along are properties of the installation, so they come
// from the camera's configuration.
//
// Displacements are measured in plate widths, not pixels, so the thresholds
// hold for any resolution and any distance of the plate from the camera.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "edge/track/observation.h"

namespace anpr::track {

enum class Direction { unknown, approaching, receding, stationary };

std::string_view to_string(Direction direction);

// The image side an approaching plate moves towards. Cameras at the border
// look down the lane from above, so approaching plates move down the frame.
enum class ImageDirection { down, up, left, right };

struct DirectionOptions {
  // Compass bearing, degrees clockwise from north in [0, 360), that the
  // camera looks along. A receding vehicle travels on this bearing, an
  // approaching one on the opposite.
  double camera_heading_deg = 0.0;
  ImageDirection towards = ImageDirection::down;
  // Movement along the towards axis, in plate widths over the whole track,
  // that counts as motion; below it the plate may just be jittering.
  double min_displacement = 0.3;
  // |ln(width at end / width at start)| that counts as growing or shrinking
  // (0.1 is about 10 %).
  double min_scale_change = 0.1;
  // A plate that moved less than both thresholds is only called stationary
  // when seen this long; a short glimpse without motion says nothing.
  std::chrono::microseconds min_stationary_duration{std::chrono::milliseconds(1500)};
};

struct DirectionEstimate {
  Direction direction = Direction::unknown;
  // Compass bearing the vehicle travels on, degrees in [0, 360); only for
  // approaching and receding.
  std::optional<double> heading_deg;
};

// Judges `observations` (a track, in time order). Unknown when there are
// fewer than two, when they span no time, when position and size disagree
// (growing but moving away), or when the plate only moved sideways.
DirectionEstimate estimate_direction(std::span<const Observation> observations, const DirectionOptions& options);

// Throws TrackError naming the first option that is out of range.
void validate(const DirectionOptions& options);

}  // namespace anpr::track
