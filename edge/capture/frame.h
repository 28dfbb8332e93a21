// One decoded camera frame as capture hands it to the motion gate and
// recognition.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "edge/capture/picture.h"

namespace anpr::capture {

struct Frame {
  // Gray for the gate at no cost, BGR on request (picture.h). Never null in
  // a frame that FrameSource hands out.
  std::shared_ptr<const Picture> picture;
  // Counts every frame received from the source since start(), across
  // reconnects, so gaps between the numbers a consumer sees are frames it
  // never got (capped or dropped).
  std::uint64_t number = 0;
  // When the frame was received (UTC), the capture time sightings carry.
  std::chrono::system_clock::time_point captured_at{};
};

}  // namespace anpr::capture
