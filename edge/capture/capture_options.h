// What one camera's capture is told, with the defaults the edge daemon runs
// with. Kept apart from FrameSource so the daemon's config loader, the
// benchmark and the tests share one definition.
#pragma once

#include <chrono>
#include <string>

#include "edge/capture/backoff.h"

namespace anpr::capture {

// How a recorded clip is replayed.
enum class ReplayPace {
  native,  // at the clip's own frame rate, like a live camera
  fast,    // as fast as it decodes (benchmarks, offline runs)
};

struct CaptureOptions {
  std::string camera_id;  // in logs and heartbeats
  std::string url;        // see source_url.h

  // FFmpeg sources (RTSP, clips). Without them a camera that stops answering
  // blocks a read for FFmpeg's 30 s default. V4L2 devices use the driver's
  // own timeout.
  std::chrono::milliseconds open_timeout{10'000};
  std::chrono::milliseconds read_timeout{5'000};

  // Frames handed to the consumer per second at most; 0 hands every frame.
  double max_fps = 0.0;

  ReplayPace pace = ReplayPace::native;
  bool loop = false;  // clips only: start over at the end instead of stopping

  BackoffPolicy backoff;
  // The backoff starts again from its initial delay only after a connection
  // has delivered frames for this long, so a camera that accepts and drops
  // connections at once is retried ever more slowly instead of in a loop.
  std::chrono::milliseconds stable_after{10'000};
};

// Throws std::invalid_argument naming the camera and the first bad option
// (including a URL parse_source_url rejects).
void validate(const CaptureOptions& options);

}  // namespace anpr::capture
