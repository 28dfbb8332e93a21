// Tunables of the motion gate, with the defaults the edge daemon runs with.
// Kept apart from MotionGate so the daemon's config loader, the benchmark and
// the tests share one definition.
#pragma once

#include <chrono>
#include <vector>

#include <opencv2/core.hpp>

namespace anpr::motion {

struct MotionOptions {
  // Frames are compared at this width, in gray, each work pixel the mean of
  // four samples (motion_gate.cc). 160 px of a 1280 px frame is 8 px per
  // work pixel: a vehicle is still dozens of work pixels wide.
  int work_width = 160;

  // A work pixel has changed when it differs from the background by more
  // than this many gray levels.
  int pixel_threshold = 25;

  // Motion needs at least this fraction of the region of interest changed.
  double min_changed_fraction = 0.002;

  // Changed blobs smaller than this many work pixels are noise (rain, a
  // leaf), not a vehicle.
  int min_region_pixels = 6;

  // Weight of each new frame in the running background average. Higher
  // adapts faster to light changes and absorbs a stopped vehicle sooner.
  double background_rate = 0.05;

  // Polygon in full-frame pixel coordinates, as the camera's config gives
  // it; changes outside it are ignored. Empty: the whole frame.
  std::vector<cv::Point> roi;

  // A frame passes at least this often even without motion, so a vehicle
  // that stopped in front of the camera is still read. 0 turns it off.
  std::chrono::milliseconds keepalive{10'000};
};

// Throws std::invalid_argument naming the first bad option.
void validate(const MotionOptions& options);

}  // namespace anpr::motion
