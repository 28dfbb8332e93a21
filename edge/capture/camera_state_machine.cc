// Camera state transitions and their log lines; see camera_state_machine.h.
#include "edge/capture/camera_state_machine.h"

#include <cstdio>

#include "common/log/log.h"

namespace anpr::capture {

CameraStateMachine::CameraStateMachine(Clock::time_point now) {
  status_.state = CameraState::connecting;
  status_.since = now;
  status_.state_changes = 1;
}

void CameraStateMachine::enter(CameraState state, Clock::time_point now) {
  status_.state = state;
  status_.since = now;
  ++status_.state_changes;
}

bool CameraStateMachine::streaming(Clock::time_point now) {
  if (status_.state == CameraState::streaming || status_.state == CameraState::stopped ||
      status_.state == CameraState::failed) {
    return false;
  }
  enter(CameraState::streaming, now);
  status_.attempts = 0;
  return true;
}

bool CameraStateMachine::lost(const std::string& error, Clock::time_point now) {
  if (status_.state == CameraState::stopped || status_.state == CameraState::failed) return false;
  status_.last_error = error;
  ++status_.attempts;
  switch (status_.state) {
    case CameraState::reconnecting:
      return false;
    case CameraState::connecting: {
      // Never up since start: it has been down since connecting began.
      Clock::time_point down_since = status_.since;
      enter(CameraState::reconnecting, down_since);
      return true;
    }
    default:
      enter(CameraState::reconnecting, now);
      return true;
  }
}

bool CameraStateMachine::failed(const std::string& error, Clock::time_point now) {
  if (status_.state == CameraState::stopped || status_.state == CameraState::failed) return false;
  status_.last_error = error;
  enter(CameraState::failed, now);
  return true;
}

bool CameraStateMachine::stopped(Clock::time_point now) {
  // A failed clip stays failed: that is what the operator needs to see.
  if (status_.state == CameraState::stopped || status_.state == CameraState::failed) return false;
  enter(CameraState::stopped, now);
  return true;
}

std::string state_change_line(const std::string& camera_id, const std::string& url,
                              const CameraStatus& before, const CameraStatus& after) {
  std::string line = "camera_state camera=" + camera_id + " state=" + to_string(after.state);
  switch (after.state) {
    case CameraState::connecting:
      line += " url=" + url;
      break;
    case CameraState::streaming:
      if (after.width > 0) line += " size=" + std::to_string(after.width) + "x" + std::to_string(after.height);
      if (before.state == CameraState::reconnecting) {
        char down_for[32];
        std::snprintf(down_for, sizeof down_for, "%.1fs",
                      std::chrono::duration<double>(after.since - before.since).count());
        line += " down_for=" + std::string(down_for) + " attempts=" + std::to_string(before.attempts);
      }
      break;
    case CameraState::reconnecting:
    case CameraState::failed:
      line += " error=\"" + log::json_escape(after.last_error) + "\"";
      break;
    case CameraState::stopped:
      break;
  }
  return line;
}

}  // namespace anpr::capture
