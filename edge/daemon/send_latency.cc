// First-frame-to-send latency; see send_latency.h.
#include "edge/daemon/send_latency.h"

#include <algorithm>

namespace anpr::daemon {

void SendLatency::spooled(std::uint64_t seq, Clock::time_point first_seen) {
  std::lock_guard lock(mutex_);
  pending_[seq] = first_seen;
  if (pending_.size() > kMaxPending) pending_.erase(pending_.begin());
}

void SendLatency::sent(std::uint64_t seq, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = pending_.find(seq);
  if (it == pending_.end()) return;
  double seconds = std::chrono::duration<double>(now - it->second).count();
  pending_.erase(it);
  ++summary_.count;
  summary_.sum_seconds += seconds;
  summary_.max_seconds = std::max(summary_.max_seconds, seconds);
}

LatencySummary SendLatency::summary() const {
  std::lock_guard lock(mutex_);
  return summary_;
}

}  // namespace anpr::daemon
