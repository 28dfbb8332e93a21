// anpr-central assembled: the database prepared, the edge ROUTER and the
// alert XPUB bound with their own ZAP allow-lists (edge keys and subscriber
// keys live in separate ZeroMQ contexts, so a subscriber key can never send
// sightings and an edge key never read alerts), the ingest loop, the store
// worker and the refresher running. Used by main() and, in-process, by the
// integration tests and the benchmark.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

#include "central/server/central_config.h"
#include "central/server/counters.h"

namespace anpr::central {

struct BoundEndpoints {
  std::string ingest;  // "tcp://127.0.0.1:41234", port resolved
  std::string alerts;
};

class CentralServer {
 public:
  explicit CentralServer(CentralConfig config, std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());

  // Waits for the database (retrying with backoff; `stop` ends the wait),
  // prepares it, binds and serves until `stop` is set, then drains (see
  // IngestLoop::run) and returns. Throws for what no retry can fix: an
  // unreadable key file, a schema history that does not fit, an endpoint
  // that cannot be bound.
  void run(const std::atomic<bool>& stop);

  // The endpoints once run() serves, nullopt before and after.
  std::optional<BoundEndpoints> endpoints() const;

  // Waits up to `timeout` for run() to serve.
  std::optional<BoundEndpoints> wait_until_serving(std::chrono::milliseconds timeout) const;

  const Counters& counters() const { return counters_; }

 private:
  void set_endpoints(std::optional<BoundEndpoints> endpoints);

  const CentralConfig config_;
  std::shared_ptr<spdlog::logger> logger_;
  Counters counters_;
  mutable std::mutex mutex_;
  mutable std::condition_variable serving_;
  std::optional<BoundEndpoints> endpoints_;
};

}  // namespace anpr::central
