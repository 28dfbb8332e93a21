// The constant-velocity motion model of a plate in the image: a straight-line
// least-squares fit of the box centre and size over time. The tracker fits
// the last few observations of a track to predict where the plate is in the
// next frame; the direction estimate fits the whole track to see which way
// it went. A fit rather than the last two boxes, because a detector's box
// jitters by a few pixels from frame to frame.
#pragma once

#include <cstdint>
#include <span>

#include "edge/track/observation.h"

namespace anpr::track {

// value(t) = at_origin + per_second * (t - origin) in seconds.
struct LinearTrend {
  double at_origin = 0.0;
  double per_second = 0.0;
};

struct BoxTrend {
  std::int64_t origin_us = 0;
  LinearTrend centre_x;
  LinearTrend centre_y;
  LinearTrend width;
  LinearTrend height;

  // The box the trend expects at `timestamp_us`. The size never shrinks
  // below a quarter of its value at the origin, so a receding plate
  // extrapolated through a long gap keeps a usable size.
  Box at(std::int64_t timestamp_us) const;
};

// Fits `observations` (in time order). With one observation, or all at the
// same time, the trend is that box, standing still. The origin is the last
// observation's time. Throws TrackError when `observations` is empty.
BoxTrend fit_motion(std::span<const Observation> observations);

}  // namespace anpr::track
