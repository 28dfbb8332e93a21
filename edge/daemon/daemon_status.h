// Plain snapshots of the daemon's moving parts, taken on request by the
// heartbeat and the metrics endpoint. Both report the same numbers, so they
// read the same snapshots; neither needs to know the threads behind them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "edge/capture/camera_status.h"

namespace anpr::daemon {

struct CameraSnapshot {
  std::string camera_id;
  bool enabled = true;
  capture::CameraStatus capture;        // state, fps in, frames in, mailbox drops
  std::uint64_t frames_analysed = 0;    // through recognition
  std::uint64_t frames_without_motion = 0;  // stopped by the motion gate
  std::uint64_t frames_busy = 0;        // dropped: every worker was busy
  std::uint64_t plate_reads = 0;
  std::uint64_t sightings = 0;
  std::uint64_t passes_pending = 0;     // being followed, enough reads to report
  std::uint64_t recognition_errors = 0;
  // CPU time the workers spent reading this camera's frames, so that frames
  // per core-second can be told apart from how busy the box is otherwise.
  double recognition_cpu_seconds = 0.0;
  std::string last_error;               // pipeline or stream, newest
};

// Frames dropped because the box was behind, whichever stage dropped them.
inline std::uint64_t frames_dropped(const CameraSnapshot& camera) {
  return camera.capture.frames_dropped + camera.frames_busy;
}

struct SenderSnapshot {
  std::uint64_t sent = 0;        // sighting envelopes handed to the link, resends included
  std::uint64_t acked = 0;
  std::uint64_t rejected = 0;    // moved to the dead-letter directory
  std::uint64_t resend_rounds = 0;  // ack timeouts that sent the window again
  std::uint64_t heartbeats = 0;
  std::uint64_t in_flight = 0;
};

struct LatencySummary {
  std::uint64_t count = 0;
  double sum_seconds = 0.0;
  double max_seconds = 0.0;
};

}  // namespace anpr::daemon
