// Edge health from heartbeats; see edge_health.h.
#include "central/ingest/edge_health.h"

#include <map>

namespace anpr::ingest {

namespace {

const char* camera_state_name(v1::CameraState state) {
  switch (state) {
    case v1::CAMERA_STATE_STREAMING: return "streaming";
    case v1::CAMERA_STATE_CONNECTING: return "connecting";
    case v1::CAMERA_STATE_FAILED: return "failed";
    case v1::CAMERA_STATE_DISABLED: return "disabled";
    default: return "unknown";
  }
}

std::string summary(const v1::Heartbeat& hb) {
  return "version=" + hb.software_version() + " uptime_s=" + std::to_string(hb.uptime_s()) +
         " spool_depth=" + std::to_string(hb.spool_depth()) + " cameras=" + std::to_string(hb.cameras_size());
}

}  // namespace

const char* event_name(HealthChange::Kind kind) {
  switch (kind) {
    case HealthChange::Kind::kUp: return "edge_up";
    case HealthChange::Kind::kRestarted: return "edge_restarted";
    case HealthChange::Kind::kStale: return "edge_stale";
    case HealthChange::Kind::kCamera: return "camera_state";
  }
  return "edge_health";
}

EdgeHealth::EdgeHealth(std::chrono::milliseconds stale_after) : stale_after_(stale_after) {}

std::vector<HealthChange> EdgeHealth::on_heartbeat(const v1::Heartbeat& hb, Clock::time_point now) {
  std::vector<HealthChange> changes;
  const std::string& id = hb.edge_id();
  auto [it, first] = edges_.try_emplace(id);
  EdgeStatus& status = it->second;
  std::map<std::string, v1::CameraState> before;
  if (first || status.stale) {
    changes.push_back({HealthChange::Kind::kUp, id, {}, summary(hb)});
  } else {
    if (hb.uptime_s() < status.last.uptime_s()) changes.push_back({HealthChange::Kind::kRestarted, id, {}, summary(hb)});
    for (const v1::CameraHealth& c : status.last.cameras()) before[c.camera_id()] = c.state();
  }
  for (const v1::CameraHealth& c : hb.cameras()) {
    auto was = before.find(c.camera_id());
    if (was != before.end() && was->second == c.state()) continue;
    std::string detail = std::string("state=") + camera_state_name(c.state());
    if (!c.last_error().empty()) detail += " error=\"" + c.last_error() + "\"";
    changes.push_back({HealthChange::Kind::kCamera, id, c.camera_id(), detail});
  }
  status.edge_id = id;
  status.last_seen = now;
  status.stale = false;
  status.last = hb;
  return changes;
}

std::vector<HealthChange> EdgeHealth::sweep(Clock::time_point now) {
  std::vector<HealthChange> changes;
  for (auto& [id, status] : edges_) {
    if (status.stale || now - status.last_seen < stale_after_) continue;
    status.stale = true;
    auto silent_s = std::chrono::duration_cast<std::chrono::seconds>(now - status.last_seen).count();
    changes.push_back({HealthChange::Kind::kStale, id, {}, "silent_s=" + std::to_string(silent_s)});
  }
  return changes;
}

std::vector<EdgeStatus> EdgeHealth::snapshot() const {
  std::vector<EdgeStatus> out;
  out.reserve(edges_.size());
  for (const auto& [id, status] : edges_) out.push_back(status);
  return out;
}

}  // namespace anpr::ingest
