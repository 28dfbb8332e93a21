// The daemon's numbers in the Prometheus text format (version 0.0.4), for
// the /metrics endpoint a site's monitoring scrapes. Rendering is pure: the
// daemon gathers the snapshots, this turns them into text, so the exposition
// is tested without a socket.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "edge/daemon/daemon_status.h"
#include "edge/spool/spool.h"

namespace anpr::daemon {

struct MetricsInputs {
  std::string software_version;
  double uptime_seconds = 0.0;
  std::vector<CameraSnapshot> cameras;
  std::uint64_t spool_depth = 0;
  std::uint64_t spool_bytes = 0;
  spool::SpoolCounters spool;
  SenderSnapshot sender;
  LatencySummary latency;
};

std::string render_metrics(const MetricsInputs& inputs);

// `text` escaped for a label value (backslash, double quote, newline).
std::string label_value(const std::string& text);

}  // namespace anpr::daemon
