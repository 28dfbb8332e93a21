// The ingest loop; see ingest_loop.h.
#include "central/server/ingest_loop.h"

#include <algorithm>
#include <thread>
#include <variant>

#include "anpr/wire.h"
#include "central/alerts/wall_clock.h"
#include "central/ingest/replies.h"
#include "central/ingest/triage.h"
#include "common/log/log.h"
#include "common/uuid/uuid.h"

namespace anpr::central {

namespace {

using namespace std::chrono_literals;

// How long a receive may wait when nothing is due: bounds how late a stop
// request, a health sweep or the stats line is noticed.
constexpr auto kIdleWait = 100ms;
// How long it may wait while batches are with the worker: bounds how late an
// Ack leaves after its commit.
constexpr auto kAckWait = 1ms;
// Messages handled in a row before replies and timers get a turn.
constexpr int kBurst = 256;


}  // namespace

IngestLoop::IngestLoop(const CentralConfig& config, transport::SecureRouter& router, StoreWorker& worker,
                       Counters& counters, std::shared_ptr<spdlog::logger> logger)
    : router_(router),
      worker_(worker),
      counters_(counters),
      logger_(std::move(logger)),
      window_(config.capture_window),
      shutdown_grace_(config.shutdown_grace),
      stats_interval_(config.stats_interval),
      batcher_(config.batch),
      health_(config.edge_stale_after) {}

void IngestLoop::run(const std::atomic<bool>& stop) {
  next_sweep_ = Clock::now() + 1s;
  next_stats_ = Clock::now() + stats_interval_;
  while (!stop.load()) {
    std::chrono::milliseconds wait = worker_.in_flight() > 0 ? kAckWait : kIdleWait;
    if (auto deadline = batcher_.deadline(); deadline && worker_.waiting() == 0) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
      wait = std::clamp(left, 0ms, wait);
    }
    for (int i = 0; i < kBurst; ++i) {
      auto message = router_.receive(i == 0 ? wait : 0ms);
      if (!message) break;
      handle(std::move(*message));
      if (batch_due(Clock::now())) submit_batch();
    }
    const Clock::time_point now = Clock::now();
    if (batch_due(now)) submit_batch();
    send_replies();
    periodic(now);
  }

  logger_->info("ingest_stopping pending_sightings={} batches_in_flight={}", batcher_.size(), worker_.in_flight());
  if (!batcher_.empty()) submit_batch();
  worker_.close(Clock::now() + shutdown_grace_);
  while (!worker_.done()) {
    send_replies();
    std::this_thread::sleep_for(kAckWait);
  }
  send_replies();
  logger_->info("ingest_stopped {}", counters_.summary());
}

void IngestLoop::handle(transport::InboundMessage message) {
  ++counters_.messages;
  ingest::Triage verdict = ingest::triage(message.payload, message.peer, window_, alerts::wall_clock_us());
  if (auto* accepted = std::get_if<ingest::AcceptedSighting>(&verdict)) {
    ++counters_.sightings;
    batcher_.add({std::move(message.routing_id), std::move(message.peer), accepted->message_id,
                  std::move(accepted->sighting)},
                 Clock::now());
  } else if (auto* heartbeat = std::get_if<ingest::AcceptedHeartbeat>(&verdict)) {
    ++counters_.heartbeats;
    for (const ingest::HealthChange& change : health_.on_heartbeat(heartbeat->heartbeat, Clock::now())) {
      if (change.kind == ingest::HealthChange::Kind::kCamera) {
        logger_->info("{} edge={} camera={} {}", ingest::event_name(change.kind), change.edge_id, change.camera_id,
                      change.detail);
      } else {
        logger_->info("{} edge={} {}", ingest::event_name(change.kind), change.edge_id, change.detail);
      }
    }
  } else {
    v1::Envelope envelope;
    *envelope.mutable_reject() = std::move(std::get<ingest::Refused>(verdict).reject);
    const v1::Reject& reject = envelope.reject();
    ++counters_.refused[reject.reason()];
    logger_->warn("message_refused edge={} reason={} message={} event={} detail=\"{}\"", message.peer,
                  ingest::reason_name(reject.reason()), reject.message_id(),
                  reject.event_ids_size() > 0 ? uuid::to_text(reject.event_ids(0)) : "-",
                  log::json_escape(reject.detail()));
    send(message.routing_id, message.peer, envelope);
  }
}

bool IngestLoop::batch_due(Clock::time_point now) const {
  return batcher_.full() || (batcher_.ready(now) && worker_.waiting() == 0);
}

void IngestLoop::submit_batch() {
  std::vector<ingest::PendingSighting> batch = batcher_.take();
  if (worker_.submit(batch)) {
    if (overloaded_) logger_->info("ingest_recovered effect=\"sightings are batched for the database again\"");
    overloaded_ = false;
    return;
  }
  counters_.deferred += batch.size();
  if (!overloaded_) {
    logger_->warn("ingest_overloaded batches_in_flight={} effect=\"new sightings are left unacked until the "
                  "database catches up; edges keep and resend them\"",
                  worker_.in_flight());
  }
  overloaded_ = true;
}

void IngestLoop::send_replies() {
  for (ingest::Reply& reply : worker_.take_replies()) {
    if (reply.envelope.has_ack()) {
      if (send(reply.routing_id, reply.peer, reply.envelope)) {
        ++counters_.acks_sent;
      } else {
        ++counters_.acks_undeliverable;
      }
    } else {
      const v1::Reject& reject = reply.envelope.reject();
      logger_->warn("message_refused edge={} reason={} message={} event={} detail=\"{}\"", reply.peer,
                    ingest::reason_name(reject.reason()), reject.message_id(), uuid::to_text(reject.event_ids(0)),
                    log::json_escape(reject.detail()));
      send(reply.routing_id, reply.peer, reply.envelope);
    }
  }
}

bool IngestLoop::send(const std::string& routing_id, const std::string& peer, v1::Envelope& envelope) {
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(next_message_id_++);
  envelope.set_sent_at_us(alerts::wall_clock_us());
  if (router_.send(routing_id, proto::encode(envelope))) return true;
  logger_->debug("reply_undeliverable edge={} message={} reason=\"the edge disconnected or its queue is full\"", peer,
                 envelope.message_id());
  return false;
}

void IngestLoop::periodic(Clock::time_point now) {
  if (now >= next_sweep_) {
    for (const ingest::HealthChange& change : health_.sweep(now)) {
      logger_->warn("{} edge={} {}", ingest::event_name(change.kind), change.edge_id, change.detail);
    }
    next_sweep_ = now + 1s;
  }
  if (now >= next_stats_) {
    logger_->info("ingest_stats {}", counters_.summary());
    next_stats_ = now + stats_interval_;
  }
}

}  // namespace anpr::central
