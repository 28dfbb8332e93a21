// The central's alert socket: a CURVE XPUB that only admits subscriber keys
// in its ZapAuthenticator's allow-list (listed under their agency code) and
// only applies subscriptions as subscription_policy.h grants them to that
// agency.
// Each alert goes out at once as [topic "<agency>.<priority>", Envelope{Alert}]
// for every agency in its audience (docs/protocol.md). Delivery is at most
// once: a subscriber that is away or too slow misses alerts, which stay in
// the alerts table.
//
// The socket lives on a thread of its own, which also reads subscriptions as
// they come; publish() may be called from any thread and never blocks.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>
#include <zmq.hpp>

#include "central/alerts/alert_factory.h"
#include "common/transport/zap_authenticator.h"

namespace anpr::alerts {

struct PublisherOptions {
  std::string endpoint;    // "tcp://0.0.0.0:7101"; port "*" binds a free one
  std::string secret_key;  // the server's Z85 secret key
  // Alerts queued per subscriber before that subscriber starts missing them.
  int send_high_water_mark = 10'000;
  std::chrono::milliseconds heartbeat_interval{10'000};
  std::chrono::milliseconds heartbeat_timeout{30'000};
  std::shared_ptr<spdlog::logger> logger = spdlog::default_logger();
};

class AlertPublisher {
 public:
  // Binds in the authenticator's context with ZAP enforced; `authenticator`
  // must outlive this. Throws TransportError on a bad key or endpoint.
  AlertPublisher(const transport::ZapAuthenticator& authenticator, const PublisherOptions& options);
  ~AlertPublisher();
  AlertPublisher(const AlertPublisher&) = delete;
  AlertPublisher& operator=(const AlertPublisher&) = delete;

  // Queues `alert` for each agency of its audience. False (and logged) if
  // the hand-over queue is full, which only a stalled publisher thread causes.
  bool publish(const RaisedAlert& alert);

  // The bound endpoint with the port resolved.
  const std::string& endpoint() const { return endpoint_; }

  std::uint64_t published() const { return published_.load(); }
  std::uint64_t subscriptions_refused() const { return refused_.load(); }

 private:
  void run();
  void handle_subscription(const zmq::message_t& message);

  std::shared_ptr<spdlog::logger> logger_;
  zmq::socket_t xpub_;
  zmq::socket_t pull_;  // the thread's end of the hand-over
  std::mutex push_mutex_;
  zmq::socket_t push_;  // publish()'s end, under push_mutex_
  std::string endpoint_;
  std::uint64_t next_message_id_ = 1;  // under push_mutex_
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> published_{0};
  std::atomic<std::uint64_t> refused_{0};
  std::thread thread_;
};

}  // namespace anpr::alerts
