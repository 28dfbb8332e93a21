// The Heartbeat the sender sends every interval: the box's and each camera's
// health, from the same snapshots the metrics endpoint reads. fps_out is the
// rate of frames recognition finished since the previous heartbeat, which is
// why the reporter remembers the last counts; frames_dropped stays
// cumulative, as docs/protocol.md asks, so a lost heartbeat loses nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "anpr/v1/heartbeat.pb.h"
#include "edge/daemon/daemon_status.h"

namespace anpr::daemon {

v1::CameraState to_wire(const CameraSnapshot& camera);

struct BoxHealth {
  std::string edge_id;
  std::string software_version;
  std::uint64_t uptime_s = 0;
  std::uint64_t spool_depth = 0;
  v1::ClockSync clock;
};

// Not thread-safe; the sender thread owns it.
class HeartbeatReporter {
 public:
  v1::Heartbeat report(const BoxHealth& box, const std::vector<CameraSnapshot>& cameras,
                       std::chrono::steady_clock::time_point now);

 private:
  struct Previous {
    std::uint64_t frames_analysed = 0;
    std::chrono::steady_clock::time_point at;
  };
  std::map<std::string, Previous> previous_;
};

}  // namespace anpr::daemon
