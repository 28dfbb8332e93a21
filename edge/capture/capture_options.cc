// Validation of capture options; see capture_options.h.
#include "edge/capture/capture_options.h"

#include <cmath>
#include <stdexcept>

#include "edge/capture/source_url.h"

namespace anpr::capture {

void validate(const CaptureOptions& options) {
  auto reject = [&](const std::string& problem) {
    throw std::invalid_argument("camera \"" + options.camera_id + "\": " + problem);
  };
  if (options.camera_id.empty()) reject("camera id is empty");
  try {
    parse_source_url(options.url);
    validate(options.backoff);
  } catch (const std::invalid_argument& error) {
    reject(error.what());
  }
  if (options.open_timeout.count() <= 0) reject("open timeout must be positive");
  if (options.read_timeout.count() <= 0) reject("read timeout must be positive");
  if (!std::isfinite(options.max_fps) || options.max_fps < 0.0) reject("max fps must be 0 (no cap) or positive");
  if (options.stable_after.count() < 0) reject("stable_after must not be negative");
}

}  // namespace anpr::capture
