// The single-slot hand-over between a camera's capture thread and its
// consumer. Capture never waits for the consumer and the consumer never sees
// a queue of old frames: a new frame replaces one that was not yet taken
// (counted as dropped), so whatever recognition looks at is the newest frame
// there is, and a slow recognition pass costs frames, never latency.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

#include "edge/capture/frame.h"

namespace anpr::capture {

class FrameMailbox {
 public:
  // Publishes `frame`, replacing any frame not taken yet.
  void put(Frame frame);

  // The newest frame not taken before, waiting up to `deadline` for one;
  // nullopt at the deadline or once closed.
  std::optional<Frame> take(std::chrono::steady_clock::time_point deadline);

  // Wakes and refuses all takers for good.
  void close();

  std::uint64_t dropped() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::optional<Frame> slot_;
  std::uint64_t dropped_ = 0;
  bool closed_ = false;
};

}  // namespace anpr::capture
