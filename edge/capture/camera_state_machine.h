// The camera state machine (states in camera_status.h), apart from the
// thread and the video library so every transition is testable with made-up
// times. The capture thread reports what happened; the machine decides
// whether that is a new state, which is the only time a line is logged:
// a camera retrying every 30 s for a week writes one line, not 20 000.
#pragma once

#include <chrono>
#include <string>

#include "edge/capture/camera_status.h"

namespace anpr::capture {

class CameraStateMachine {
 public:
  using Clock = std::chrono::system_clock;

  // Starts in `connecting` at `now`.
  explicit CameraStateMachine(Clock::time_point now);

  // Each event returns true when it changed the state.

  // A frame arrived from a freshly opened source.
  bool streaming(Clock::time_point now);
  // An attempt to open failed, or an open source stopped delivering. Repeated
  // failures while reconnecting only count attempts and keep the newest error.
  bool lost(const std::string& error, Clock::time_point now);
  // The source can never work (an unreadable clip).
  bool failed(const std::string& error, Clock::time_point now);
  // stop() was called or a clip ended. `failed` is final and stays.
  bool stopped(Clock::time_point now);

  // State, since, attempts, state_changes and last_error; the counters of
  // CameraStatus are the capture thread's to fill in.
  const CameraStatus& status() const { return status_; }

 private:
  void enter(CameraState state, Clock::time_point now);

  CameraStatus status_;
};

// The one log line for a change from `before` to `after`, in the key=value
// form of common/log: the new state, the error that took the camera down, and
// when it comes back the frame size, how long it was down and after how many
// attempts.
std::string state_change_line(const std::string& camera_id, const std::string& url,
                              const CameraStatus& before, const CameraStatus& after);

}  // namespace anpr::capture
