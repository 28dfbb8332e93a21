// The measured input frame rate a camera reports in heartbeats: frames per
// second over the last completed window (one second by default). A camera
// whose encoder silently falls from 25 to 3 fps at night is a problem the
// operator should see without reading logs; a stalled stream reads 0 once a
// full window has passed without a frame.
#pragma once

#include <chrono>
#include <cstdint>

namespace anpr::capture {

class RateMeter {
 public:
  explicit RateMeter(std::chrono::steady_clock::duration window = std::chrono::seconds(1));

  void tick(std::chrono::steady_clock::time_point now);

  double rate(std::chrono::steady_clock::time_point now) const;

 private:
  std::chrono::steady_clock::duration window_;
  std::chrono::steady_clock::time_point window_start_{};
  std::chrono::steady_clock::time_point last_tick_{};
  std::uint64_t count_ = 0;
  double rate_ = 0.0;
  bool started_ = false;
};

}  // namespace anpr::capture
