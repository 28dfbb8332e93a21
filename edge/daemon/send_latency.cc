// First-frame-to-send latency; see send_latency.h.
#include "edge/daemon/send_latency.h"

#include <algorithm>

namespace anpr::daemon {

void SendLatency::spooled(std::uint64_t seq, Clock::time_point first_seen) {
  std::lock_guard lock(mutex_);
  if (auto early = sent_first_.find(seq); early != sent_first_.end()) {
    record(early->second - first_seen);
    sent_first_.erase(early);
    return;
  }
  pending_[seq] = first_seen;
  if (pending_.size() > kMaxPending) pending_.erase(pending_.begin());
}

void SendLatency::sent(std::uint64_t seq, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = pending_.find(seq);
  if (it == pending_.end()) {
    // The sender may take a record from the spool before its writer has
    // booked it; keep the time for spooled(). Resends and records of an
    // earlier run land here too and are never claimed: bounded like pending_.
    sent_first_.emplace(seq, now);
    if (sent_first_.size() > kMaxPending) sent_first_.erase(sent_first_.begin());
    return;
  }
  record(now - it->second);
  pending_.erase(it);
}

void SendLatency::record(Clock::duration latency) {
  const double seconds = std::chrono::duration<double>(latency).count();
  ++summary_.count;
  summary_.sum_seconds += seconds;
  summary_.max_seconds = std::max(summary_.max_seconds, seconds);
}

LatencySummary SendLatency::summary() const {
  std::lock_guard lock(mutex_);
  return summary_;
}

}  // namespace anpr::daemon
