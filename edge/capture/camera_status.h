// The state of one camera as heartbeats report it and operators read it.
//
//   connecting    first attempt after start(), nothing received yet
//   streaming     frames are arriving
//   reconnecting  the source was lost or never came up; retried with backoff
//   failed        a recorded clip that cannot be read: retrying cannot help
//   stopped       stop() was called, or a clip played to its end
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace anpr::capture {

enum class CameraState { connecting, streaming, reconnecting, failed, stopped };

const char* to_string(CameraState state);

struct CameraStatus {
  CameraState state = CameraState::connecting;
  // When the current state began. While reconnecting: when the camera went
  // down, however many attempts have failed since.
  std::chrono::system_clock::time_point since{};
  std::uint32_t attempts = 0;       // failed attempts since the camera went down
  std::uint64_t state_changes = 0;  // one per state entered (and per log line)
  std::string last_error;           // why it went down or failed; kept after recovery
  double fps_in = 0.0;              // measured frames per second from the source
  std::uint64_t frames_in = 0;      // frames received since start()
  std::uint64_t frames_dropped = 0; // frames published but replaced before being taken
  int width = 0;                    // of the last frame received
  int height = 0;
};

}  // namespace anpr::capture
