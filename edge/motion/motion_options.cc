// Validation of motion gate options; see motion_options.h.
#include "edge/motion/motion_options.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace anpr::motion {

void validate(const MotionOptions& options) {
  auto reject = [](const std::string& problem) { throw std::invalid_argument("motion gate: " + problem); };
  if (options.work_width < 16 || options.work_width > 1920) reject("work_width must be in [16, 1920]");
  if (options.pixel_threshold < 1 || options.pixel_threshold > 254) reject("pixel_threshold must be in [1, 254]");
  if (!(options.min_changed_fraction >= 0.0 && options.min_changed_fraction <= 1.0)) {
    reject("min_changed_fraction must be in [0, 1]");
  }
  if (options.min_region_pixels < 1) reject("min_region_pixels must be at least 1");
  if (!(options.background_rate > 0.0 && options.background_rate <= 1.0)) {
    reject("background_rate must be in (0, 1]");
  }
  if (!options.roi.empty() && options.roi.size() < 3) {
    reject("roi needs at least 3 points, has " + std::to_string(options.roi.size()));
  }
  for (const cv::Point& point : options.roi) {
    if (point.x < 0 || point.y < 0) {
      reject("roi point (" + std::to_string(point.x) + ", " + std::to_string(point.y) + ") is negative");
    }
  }
  if (options.keepalive.count() < 0) reject("keepalive must not be negative");
}

}  // namespace anpr::motion
