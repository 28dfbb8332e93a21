// anpr-edge as a whole: the parts of edge/daemon/ wired together and run
// until SIGTERM. Construction does everything that can fail for a reason an
// operator must fix (keys, spool directory, Tesseract data, metrics port),
// so a broken box fails at start with one clear message instead of later;
// run() starts the threads, tells systemd it is ready, pings the watchdog
// while the sender and every camera's feeder make progress, reloads on SIGHUP
// and, on SIGTERM, drains: capture stops, frames in recognition finish, every
// live track is flushed into the spool, the spool is synced, and only then
// does the daemon exit, within shutdown.timeout.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "edge/daemon/camera_pipeline.h"
#include "edge/daemon/clock_sync.h"
#include "edge/daemon/daemon_status.h"
#include "edge/daemon/dead_letter.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/heartbeat.h"
#include "edge/daemon/metrics.h"
#include "edge/daemon/metrics_server.h"
#include "edge/daemon/recognition_pool.h"
#include "edge/daemon/send_latency.h"
#include "edge/daemon/sender.h"
#include "edge/daemon/sighting_writer.h"
#include "edge/spool/spool.h"

namespace anpr::daemon {

class EdgeDaemon {
 public:
  // Throws transport::TransportError (keys, endpoint), spool::SpoolError,
  // engine::EngineError, std::runtime_error (dead-letter directory, metrics
  // port), each naming what is wrong.
  explicit EdgeDaemon(EdgeConfig config);
  ~EdgeDaemon();
  EdgeDaemon(const EdgeDaemon&) = delete;
  EdgeDaemon& operator=(const EdgeDaemon&) = delete;

  // Serves until SIGTERM or SIGINT; the caller must have called
  // block_daemon_signals() before any thread was started. Returns the exit
  // status (0 after an orderly stop).
  int run();

  // The numbers /metrics serves, as values; thread-safe. The edge benchmark
  // reads them directly.
  MetricsInputs status() const;

 private:
  std::vector<CameraSnapshot> cameras() const;
  v1::Heartbeat heartbeat();
  bool making_progress();
  void reload();
  int shutdown();

  EdgeConfig config_;
  YAML::Node previous_source_;
  const std::chrono::steady_clock::time_point started_;
  ClockWatch clock_;
  SendLatency latency_;
  DeadLetter dead_letter_;
  std::unique_ptr<spool::Spool> spool_;
  std::unique_ptr<RecognitionPool> pool_;
  std::unique_ptr<SightingWriter> writer_;
  std::vector<std::unique_ptr<CameraPipeline>> pipelines_;
  HeartbeatReporter reporter_;  // sender thread only
  std::unique_ptr<Sender> sender_;
  std::unique_ptr<MetricsServer> metrics_server_;
  std::vector<std::uint64_t> last_loops_;  // sender, then each pipeline
};

}  // namespace anpr::daemon
