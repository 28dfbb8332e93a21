// The per-camera frame-rate cap on what is handed to recognition. A camera
// sending 25 fps at a box that can afford to read plates at 8 fps must not
// make the consumer fall behind or waste a colour conversion on frames
// nobody will look at; frames over the cap are decoded (the decoder needs
// them) but never converted or published.
//
// Frames are admitted on a schedule of one per 1/max_fps, so a 25 fps input
// capped at 10 gives 10 fps on average rather than the 8.3 a plain "at least
// 100 ms since the last one" rule would give; after a gap in the input the
// schedule restarts instead of letting a burst through.
#pragma once

#include <chrono>

namespace anpr::capture {

class RateCap {
 public:
  // max_fps <= 0 admits every frame.
  explicit RateCap(double max_fps);

  bool admit(std::chrono::steady_clock::time_point now);

 private:
  std::chrono::steady_clock::duration interval_{0};
  std::chrono::steady_clock::time_point next_due_{};
  bool started_ = false;
};

}  // namespace anpr::capture
