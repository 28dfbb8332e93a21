// Names of camera states, as logs and heartbeats spell them.
#include "edge/capture/camera_status.h"

namespace anpr::capture {

const char* to_string(CameraState state) {
  switch (state) {
    case CameraState::connecting: return "connecting";
    case CameraState::streaming: return "streaming";
    case CameraState::reconnecting: return "reconnecting";
    case CameraState::failed: return "failed";
    case CameraState::stopped: return "stopped";
  }
  return "unknown";
}

}  // namespace anpr::capture
