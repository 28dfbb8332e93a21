// Windowed frame-rate measurement; see rate_meter.h.
#include "edge/capture/rate_meter.h"

namespace anpr::capture {

RateMeter::RateMeter(std::chrono::steady_clock::duration window) : window_(window) {}

void RateMeter::tick(std::chrono::steady_clock::time_point now) {
  if (!started_ || now - last_tick_ >= window_) {
    // First frame, or the first after a stall: start a fresh window rather
    // than averaging the stall into the next figure.
    started_ = true;
    window_start_ = now;
    count_ = 0;
    rate_ = 0.0;
  }
  last_tick_ = now;
  ++count_;
  if (now - window_start_ >= window_) {
    // count_ - 1 intervals between the frames at both ends of the window.
    rate_ = static_cast<double>(count_ - 1) / std::chrono::duration<double>(now - window_start_).count();
    window_start_ = now;
    count_ = 1;
  }
}

double RateMeter::rate(std::chrono::steady_clock::time_point now) const {
  if (!started_ || now - last_tick_ >= window_) return 0.0;
  return rate_;
}

}  // namespace anpr::capture
