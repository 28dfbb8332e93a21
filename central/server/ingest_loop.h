// The central's network thread: it owns the ROUTER edges talk to, triages
// every message (central/ingest/triage.h), answers refusals at once, keeps
// the edge health table, gathers sightings into batches for the StoreWorker
// and sends the Acks the worker hands back after each commit. It never
// waits on the database, so heartbeats and refusals are answered while
// PostgreSQL is slow or down, and one edge's bad messages never hold up
// another's.
//
// A batch goes to the worker when it is full, or when it has waited
// max_delay and the worker has no other batch waiting. Under load a batch
// therefore grows towards max_sightings while the worker commits the one
// before: fewer, larger commits exactly when commits are the bottleneck,
// and no latency added when they are not.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "anpr/v1/envelope.pb.h"
#include "central/ingest/batch.h"
#include "central/ingest/edge_health.h"
#include "central/server/central_config.h"
#include "central/server/counters.h"
#include "central/server/store_worker.h"
#include "common/transport/secure_router.h"

namespace anpr::central {

class IngestLoop {
 public:
  // `router`, `worker` and `counters` must outlive this.
  IngestLoop(const CentralConfig& config, transport::SecureRouter& router, StoreWorker& worker, Counters& counters,
             std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());

  // Serves until `stop` is set, then stops receiving, hands the current batch
  // to the worker, gives it shutdown_grace to commit what it holds and sends
  // the Acks that result. Sightings not committed by then stay unacked
  // (their edges resend them).
  void run(const std::atomic<bool>& stop);

 private:
  using Clock = std::chrono::steady_clock;

  void handle(transport::InboundMessage message);
  // Whether the current batch should go to the worker now.
  bool batch_due(Clock::time_point now) const;
  void submit_batch();
  void send_replies();
  // Completes `envelope` (version, message id, time) and sends it; false when
  // the edge is gone or its queue is full.
  bool send(const std::string& routing_id, const std::string& peer, v1::Envelope& envelope);
  void periodic(Clock::time_point now);

  transport::SecureRouter& router_;
  StoreWorker& worker_;
  Counters& counters_;
  std::shared_ptr<spdlog::logger> logger_;
  const store::CaptureWindow window_;
  const std::chrono::milliseconds shutdown_grace_;
  const std::chrono::milliseconds stats_interval_;
  ingest::Batcher batcher_;
  ingest::EdgeHealth health_;
  std::uint64_t next_message_id_ = 1;
  bool overloaded_ = false;
  Clock::time_point next_sweep_{};
  Clock::time_point next_stats_{};
};

}  // namespace anpr::central
