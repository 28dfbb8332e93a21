// The sender thread: the only user of the DEALER socket to central. It reads
// unsent sightings from the spool in order, sends each in an Envelope while
// the delivery window has room, acks the spool for every event id central
// acks, moves permanently rejected sightings to the dead-letter directory,
// sends the window again after an ack timeout, and sends a heartbeat every
// interval. Whatever the link does, the spool is the truth: this thread
// holds nothing that a restart would miss.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <zmq.hpp>

#include "anpr/v1/envelope.pb.h"
#include "common/transport/secure_dealer.h"
#include "edge/daemon/daemon_status.h"
#include "edge/daemon/dead_letter.h"
#include "edge/daemon/delivery_window.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/send_latency.h"
#include "edge/spool/spool.h"

namespace anpr::daemon {

class Sender {
 public:
  using HeartbeatSource = std::function<v1::Heartbeat()>;

  // Connects in the background; throws TransportError for unusable keys or
  // endpoint (before any thread is started).
  Sender(transport::DealerOptions link, const SenderConfig& config, spool::Spool& spool, const DeadLetter& dead_letter,
         SendLatency& latency, HeartbeatSource heartbeat);
  ~Sender();
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  void start();
  // Ends the thread; sightings not yet acked stay in the spool.
  void stop();

  SenderSnapshot snapshot() const;

  // Grows while the thread goes round its loop; the watchdog pings systemd
  // only while it does.
  std::uint64_t loops() const { return loops_.load(); }

 private:
  void run(std::stop_token stop);
  void refill();
  void send_window(transport::SecureDealer& dealer);
  bool send_heartbeat(transport::SecureDealer& dealer);  // false when the link could not take it
  void handle(const std::string& bytes);
  void on_ack(const v1::Ack& ack);
  void on_reject(const v1::Reject& reject);
  v1::Envelope envelope();

  zmq::context_t context_;
  const transport::DealerOptions link_;
  const SenderConfig config_;
  spool::Spool& spool_;
  const DeadLetter& dead_letter_;
  SendLatency& latency_;
  HeartbeatSource heartbeat_;

  std::unique_ptr<transport::SecureDealer> dealer_;
  DeliveryWindow window_;
  std::uint64_t next_message_id_ = 1;
  bool version_refused_ = false;  // logged once until an ack arrives

  mutable std::mutex counters_mutex_;
  SenderSnapshot counters_;
  std::atomic<std::uint64_t> loops_{0};
  std::jthread thread_;
};

}  // namespace anpr::daemon
