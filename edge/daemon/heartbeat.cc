// Heartbeat contents; see heartbeat.h.
#include "edge/daemon/heartbeat.h"

namespace anpr::daemon {

v1::CameraState to_wire(const CameraSnapshot& camera) {
  if (!camera.enabled) return v1::CAMERA_STATE_DISABLED;
  switch (camera.capture.state) {
    case capture::CameraState::streaming: return v1::CAMERA_STATE_STREAMING;
    case capture::CameraState::connecting:
    case capture::CameraState::reconnecting: return v1::CAMERA_STATE_CONNECTING;
    // A stopped camera in a running daemon is a clip that ended: nothing
    // more will come from it, which for an operator is a failed camera.
    case capture::CameraState::failed:
    case capture::CameraState::stopped: return v1::CAMERA_STATE_FAILED;
  }
  return v1::CAMERA_STATE_UNSPECIFIED;
}

v1::Heartbeat HeartbeatReporter::report(const BoxHealth& box, const std::vector<CameraSnapshot>& cameras,
                                        std::chrono::steady_clock::time_point now) {
  v1::Heartbeat hb;
  hb.set_edge_id(box.edge_id);
  hb.set_software_version(box.software_version);
  hb.set_uptime_s(box.uptime_s);
  hb.set_spool_depth(box.spool_depth);
  *hb.mutable_clock_sync() = box.clock;
  for (const auto& camera : cameras) {
    auto* health = hb.add_cameras();
    health->set_camera_id(camera.camera_id);
    health->set_state(to_wire(camera));
    health->set_fps_in(static_cast<float>(camera.capture.fps_in));
    health->set_frames_dropped(frames_dropped(camera));
    health->set_last_error(camera.last_error);
    auto [it, first] = previous_.try_emplace(camera.camera_id, Previous{camera.frames_analysed, now});
    double seconds = std::chrono::duration<double>(now - it->second.at).count();
    if (!first && seconds > 0.0 && camera.frames_analysed >= it->second.frames_analysed) {
      health->set_fps_out(static_cast<float>(static_cast<double>(camera.frames_analysed - it->second.frames_analysed) /
                                             seconds));
    }
    it->second = {camera.frames_analysed, now};
  }
  return hb;
}

}  // namespace anpr::daemon
