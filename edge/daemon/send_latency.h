// How long a plate takes from its first frame to leaving the box: the
// figure an officer waiting at the barrier for an alert cares about. The
// tracker knows when a track began, the sender when its sighting went out;
// this book carries the first to the second by spool sequence number. Only
// the first send of a sighting counts (resends after an outage would measure
// the outage). Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>

#include "edge/daemon/daemon_status.h"

namespace anpr::daemon {

class SendLatency {
 public:
  using Clock = std::chrono::steady_clock;

  // Sighting `seq` was spooled for a track first seen at `first_seen`.
  void spooled(std::uint64_t seq, Clock::time_point first_seen);

  // Sighting `seq` left the box at `now`. Counted once, when both this and
  // spooled() were called for it, in either order (the sender can send a
  // record before its writer books it); ignored for records of an earlier
  // run and for resends.
  void sent(std::uint64_t seq, Clock::time_point now);

  LatencySummary summary() const;

 private:
  // Bounds the book during a long outage; the oldest entries go first.
  static constexpr std::size_t kMaxPending = 10'000;

  void record(Clock::duration latency);  // mutex_ held

  mutable std::mutex mutex_;
  std::map<std::uint64_t, Clock::time_point> pending_;     // spooled, not yet sent
  std::map<std::uint64_t, Clock::time_point> sent_first_;  // sent before spooled() was called
  LatencySummary summary_;
};

}  // namespace anpr::daemon
