// The sender thread; see sender.h.
#include "edge/daemon/sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "anpr/wire.h"
#include "common/uuid/uuid.h"

namespace anpr::daemon {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// How long one pass of the loop waits for a reply: also how soon a freshly
// spooled sighting is picked up.
constexpr auto kPoll = 50ms;

std::int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Sender::Sender(transport::DealerOptions link, const SenderConfig& config, spool::Spool& spool,
               const DeadLetter& dead_letter, SendLatency& latency, HeartbeatSource heartbeat)
    : link_(std::move(link)),
      config_(config),
      spool_(spool),
      dead_letter_(dead_letter),
      latency_(latency),
      heartbeat_(std::move(heartbeat)),
      dealer_(std::make_unique<transport::SecureDealer>(context_, link_)),
      window_(config.window, config.ack_timeout, config.ack_timeout_max) {}

Sender::~Sender() { stop(); }

void Sender::start() {
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void Sender::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
  dealer_.reset();
}

SenderSnapshot Sender::snapshot() const {
  std::lock_guard lock(counters_mutex_);
  return counters_;
}

v1::Envelope Sender::envelope() {
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(next_message_id_++);
  envelope.set_sent_at_us(now_us());
  return envelope;
}

void Sender::run(std::stop_token stop) {
  auto next_heartbeat = Clock::now();
  while (!stop.stop_requested()) {
    ++loops_;
    try {
      refill();
      send_window(*dealer_);
      auto now = Clock::now();
      if (now >= next_heartbeat) {
        // A heartbeat the link could not take is tried again soon, so central
        // hears from a box as soon as it gets through, not an interval later.
        bool sent = send_heartbeat(*dealer_);
        next_heartbeat = now + (sent ? config_.heartbeat_interval : std::min<std::chrono::milliseconds>(
                                                                         config_.heartbeat_interval, 1s));
      }
      if (window_.expired(now)) {
        spdlog::warn("sender_ack_timeout in_flight={} timeout_ms={} action=resend", window_.in_flight(),
                     window_.ack_timeout().count());
        spool_.rewind();
        window_.clear_for_resend();
        std::lock_guard lock(counters_mutex_);
        ++counters_.resend_rounds;
      }
      for (auto reply = dealer_->receive(kPoll); reply; reply = dealer_->receive(0ms)) handle(*reply);
    } catch (const std::exception& error) {
      // The spool or dead-letter disk is in trouble; the sightings are still
      // wherever they were, so the next pass tries again.
      spdlog::error("sender_error error=\"{}\" action=retry", error.what());
      std::this_thread::sleep_for(1s);
    }
    std::lock_guard lock(counters_mutex_);
    counters_.in_flight = window_.in_flight();
  }
}

void Sender::refill() {
  while (window_.room() > 0) {
    auto records = spool_.next_unsent(window_.room());
    if (records.empty()) return;
    for (auto& record : records) {
      v1::Sighting sighting;
      if (!sighting.ParseFromString(record.payload) || sighting.event_id().size() != 16) {
        spdlog::error("sender_unreadable_record seq={} bytes={} action=dead-letter", record.seq, record.payload.size());
        dead_letter_.store("spool-seq-" + std::to_string(record.seq), record.payload, "unreadable spool record");
        spool_.ack(record.seq);
        continue;
      }
      window_.add({record.seq, sighting.event_id(), std::move(record.payload), 0, std::nullopt});
    }
  }
}

void Sender::send_window(transport::SecureDealer& dealer) {
  while (const PendingSighting* pending = window_.next_unsent()) {
    auto env = envelope();
    env.mutable_sighting()->ParseFromString(pending->payload);
    std::string bytes;
    try {
      bytes = proto::encode(env);
    } catch (const proto::WireError& error) {
      spdlog::error("sender_unsendable event_id={} error=\"{}\" action=dead-letter", uuid::to_text(pending->event_id),
                    error.what());
      dead_letter_.store(uuid::to_text(pending->event_id), pending->payload, std::string("not encodable: ") + error.what());
      v1::Reject self;
      self.add_event_ids(pending->event_id);
      for (const auto& dropped : window_.rejected(self)) spool_.ack(dropped.seq);
      continue;
    }
    if (!dealer.send(bytes, 0ms)) {
      --next_message_id_;  // never left; the id is reused so ids stay dense
      return;
    }
    auto now = Clock::now();
    window_.mark_sent(pending->seq, env.message_id(), now);
    latency_.sent(pending->seq, now);
    std::lock_guard lock(counters_mutex_);
    ++counters_.sent;
  }
}

bool Sender::send_heartbeat(transport::SecureDealer& dealer) {
  auto env = envelope();
  *env.mutable_heartbeat() = heartbeat_();
  if (!dealer.send(proto::encode(env), 0ms)) {
    --next_message_id_;
    return false;
  }
  std::lock_guard lock(counters_mutex_);
  ++counters_.heartbeats;
  return true;
}

void Sender::handle(const std::string& bytes) {
  v1::Envelope env;
  try {
    env = proto::decode(bytes);
  } catch (const proto::WireError& error) {
    spdlog::warn("sender_undecodable_reply bytes={} error=\"{}\" action=drop", bytes.size(), error.what());
    return;
  }
  switch (env.body_case()) {
    case v1::Envelope::kAck: on_ack(env.ack()); break;
    case v1::Envelope::kReject: on_reject(env.reject()); break;
    default:
      spdlog::warn("sender_unexpected_body message_id={} body={} action=drop", env.message_id(),
                   static_cast<int>(env.body_case()));
  }
}

void Sender::on_ack(const v1::Ack& ack) {
  std::size_t unknown = 0;
  auto seqs = window_.acked(ack, &unknown);
  for (auto seq : seqs) spool_.ack(seq);
  if (unknown > 0) spdlog::debug("sender_ack_unknown ids={} (late or duplicate ack)", unknown);
  version_refused_ = false;
  std::lock_guard lock(counters_mutex_);
  counters_.acked += seqs.size();
}

void Sender::on_reject(const v1::Reject& reject) {
  const std::string reason = v1::RejectReason_Name(reject.reason());
  if (!is_permanent(reject.reason())) {
    if (!version_refused_) {
      spdlog::error("sender_rejected reason={} detail=\"{}\" action=keep-spooling hint=\"upgrade the edge or central\"",
                    reason, reject.detail());
    }
    version_refused_ = true;
    return;
  }
  auto dropped = window_.rejected(reject);
  spdlog::error("sender_rejected reason={} detail=\"{}\" message_id={} events={} action=dead-letter dir={}", reason,
                reject.detail(), reject.message_id(), dropped.size(), dead_letter_.dir().string());
  for (const auto& pending : dropped) {
    dead_letter_.store(uuid::to_text(pending.event_id), pending.payload, reason + ": " + reject.detail());
    spool_.ack(pending.seq);
  }
  std::lock_guard lock(counters_mutex_);
  counters_.rejected += dropped.size();
}

}  // namespace anpr::daemon
