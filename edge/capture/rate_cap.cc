// Frame admission on a fixed schedule; see rate_cap.h.
#include "edge/capture/rate_cap.h"

namespace anpr::capture {

RateCap::RateCap(double max_fps) {
  if (max_fps > 0.0) {
    interval_ = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / max_fps));
  }
}

bool RateCap::admit(std::chrono::steady_clock::time_point now) {
  if (interval_.count() == 0) return true;
  if (started_ && now < next_due_) return false;
  next_due_ = (started_ && now - next_due_ < interval_) ? next_due_ + interval_ : now + interval_;
  started_ = true;
  return true;
}

}  // namespace anpr::capture
