// One camera's capture: a thread that keeps a connection to the source, runs
// the camera state machine, reconnects with backoff and publishes the newest
// frame for recognition. A box runs one FrameSource per camera for months on
// a flaky WAN, so nothing here may wait unboundedly, queue without bound or
// log per frame or per retry:
//
// - every blocking call on the source is bounded by the open or read timeout
//   (FFmpeg sources), so a camera that hangs is noticed in seconds, and
//   stop() cuts such a wait short;
// - frames go through a single-slot mailbox: a slow consumer loses frames
//   (counted) but never sees an old one;
// - one log line per state change (camera_state_machine.h);
// - frames over the rate cap are decoded but never leave the decoder
//   (rate_cap.h); frames handed on carry the decoded picture, so a consumer
//   pays for BGR only on the frames it wants it for (picture.h).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "edge/capture/camera_state_machine.h"
#include "edge/capture/camera_status.h"
#include "edge/capture/capture_options.h"
#include "edge/capture/frame.h"
#include "edge/capture/frame_mailbox.h"
#include "edge/capture/rate_meter.h"
#include "edge/capture/source_url.h"

namespace anpr::capture {

class VideoInput;

class FrameSource {
 public:
  // Throws std::invalid_argument for invalid options (capture_options.h).
  explicit FrameSource(CaptureOptions options);
  ~FrameSource();
  FrameSource(const FrameSource&) = delete;
  FrameSource& operator=(const FrameSource&) = delete;

  // Starts the capture thread; once only.
  void start();

  // Ends capture and joins the thread. Idempotent. Interrupts a wait on an
  // FFmpeg source (within about 0.1 s) and returns at once while between
  // attempts; a V4L2 read is waited for.
  void stop();

  // The newest frame not handed out before, waiting up to `wait` for one;
  // nullopt when none came in time or after stop().
  std::optional<Frame> next(std::chrono::milliseconds wait);

  // A consistent snapshot for heartbeats.
  CameraStatus status() const;

  const CaptureOptions& options() const { return options_; }

 private:
  enum class Outcome { stopping, ended, lost, failed };
  struct Session {
    Outcome outcome = Outcome::stopping;
    std::string error;
    std::chrono::steady_clock::duration streamed{0};  // from first frame to the end
  };

  void run();
  Session connect();
  Session stream(VideoInput& input);
  // Sleeps up to `until`; false when woken by stop().
  bool pause_until(std::chrono::steady_clock::time_point until);
  bool stopping() const;
  // Applies one state machine event and logs the change when there is one.
  template <typename Event>
  void report(Event event);
  CameraStatus status_locked(std::chrono::steady_clock::time_point now) const;

  const CaptureOptions options_;
  const SourceUrl source_;
  FrameMailbox mailbox_;
  std::atomic<bool> cancel_{false};  // set by stop(); interrupts FFmpeg's waits

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  CameraStateMachine machine_;
  RateMeter meter_;
  std::uint64_t frames_in_ = 0;
  int width_ = 0;
  int height_ = 0;

  std::thread thread_;
};

}  // namespace anpr::capture
