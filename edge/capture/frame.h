// One decoded camera frame as capture hands it to recognition.
#pragma once

#include <chrono>
#include <cstdint>

#include <opencv2/core.hpp>

namespace anpr::capture {

struct Frame {
  cv::Mat image;  // BGR, 8 bits per channel, owned by this frame alone
  // Counts every frame received from the source since start(), across
  // reconnects, so gaps between the numbers a consumer sees are frames it
  // never got (capped or dropped).
  std::uint64_t number = 0;
  // When the frame was received (UTC), the capture time sightings carry.
  std::chrono::system_clock::time_point captured_at{};
};

}  // namespace anpr::capture
