// What central knows about each edge box from its heartbeats: when it last
// reported, its cameras, its spool depth and clock. Operators need to see a
// dead box or a failed camera before an investigator finds a gap in the
// sightings, but a log line per heartbeat would bury that; so this table
// turns heartbeats into changes (up, restarted, stale, a camera's state)
// and the caller logs each change once. Pure: time comes in as an argument.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "anpr/v1/heartbeat.pb.h"

namespace anpr::ingest {

struct EdgeStatus {
  std::string edge_id;
  std::chrono::steady_clock::time_point last_seen{};
  bool stale = false;
  v1::Heartbeat last;  // the latest heartbeat as received
};

struct HealthChange {
  enum class Kind { kUp, kRestarted, kStale, kCamera };
  Kind kind = Kind::kUp;
  std::string edge_id;
  std::string camera_id;  // kCamera only
  std::string detail;     // key=value pairs for the log line
};

// "edge_up", "edge_restarted", "edge_stale", "camera_state": the log event name.
const char* event_name(HealthChange::Kind kind);

class EdgeHealth {
 public:
  using Clock = std::chrono::steady_clock;

  // An edge is stale after `stale_after` without a heartbeat (three of the
  // edges' 10 s intervals by default, docs/protocol.md).
  explicit EdgeHealth(std::chrono::milliseconds stale_after);

  // Records `heartbeat` (already checked to come from its edge_id) and
  // returns what changed: first seen or back from stale, a restart (uptime
  // went down), cameras whose state differs from the last report.
  std::vector<HealthChange> on_heartbeat(const v1::Heartbeat& heartbeat, Clock::time_point now);

  // Edges that have just become stale.
  std::vector<HealthChange> sweep(Clock::time_point now);

  std::vector<EdgeStatus> snapshot() const;

 private:
  std::chrono::milliseconds stale_after_;
  std::map<std::string, EdgeStatus> edges_;
};

}  // namespace anpr::ingest
