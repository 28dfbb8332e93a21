// The edge's connection to the central: a DEALER that speaks CURVE with the
// box's own key pair and trusts only the central's public key. It will not
// run unencrypted by accident: without keys it refuses to start unless told
// allow_plaintext, which exists for local tests against plaintext peers.
//
// A refused or failed handshake (box not enrolled yet, central's key changed)
// is logged and retried with a fresh connection after reconnect_interval,
// doubling up to reconnect_interval_max; libzmq would otherwise give up.
//
// Messages are only queued on a link whose handshake completed (ZMQ_IMMEDIATE),
// so while the central is unreachable send() times out and the caller keeps
// the sighting in its own spool rather than in a ZeroMQ queue that dies with
// the process. Like any ZeroMQ socket, one SecureDealer is used from one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>
#include <zmq.hpp>

#include "common/transport/curve_keys.h"
#include "common/transport/handshake_watch.h"

namespace anpr::transport {

struct DealerOptions {
  std::string endpoint;           // "tcp://central.example:7100"
  std::string server_public_key;  // Z85; the central's identity
  CurveKeyPair client_keys;       // this box's pair, listed in the central's allow-list
  bool allow_plaintext = false;   // only with all three keys empty; local testing only
  std::size_t max_message_bytes = 0;  // required; larger replies cost the link
  std::chrono::milliseconds reconnect_interval{1'000};
  std::chrono::milliseconds reconnect_interval_max{30'000};  // backoff cap
  std::chrono::milliseconds heartbeat_interval{10'000};
  std::chrono::milliseconds heartbeat_timeout{30'000};
  std::chrono::milliseconds linger{1'000};  // how long close() may flush unsent messages
  std::shared_ptr<spdlog::logger> logger = spdlog::default_logger();
};

class SecureDealer {
 public:
  // Connects (in the background; ZeroMQ retries on its own). Throws
  // TransportError on incomplete or malformed keys, plaintext without
  // allow_plaintext, or a bad option or endpoint.
  SecureDealer(zmq::context_t& context, const DealerOptions& options);

  // Queues one message; false if the link could not take it within `timeout`
  // (not connected, or the queue is full). A zero timeout never blocks.
  bool send(std::string_view payload, std::chrono::milliseconds timeout);

  // The next message from the server, or nullopt after `timeout`.
  std::optional<std::string> receive(std::chrono::milliseconds timeout);

 private:
  using Clock = std::chrono::steady_clock;

  // Polls for `events` until `deadline`, handling handshake outcomes and
  // redialling meanwhile; true when the socket is ready.
  bool wait(short events, Clock::time_point deadline);
  void handle_handshakes();

  const std::string endpoint_;
  const std::chrono::milliseconds reconnect_interval_;
  const std::chrono::milliseconds reconnect_interval_max_;
  std::shared_ptr<spdlog::logger> logger_;
  zmq::socket_t socket_;
  HandshakeWatch watch_;
  std::uint64_t failures_ = 0;  // handshakes failed since the last success
  std::chrono::milliseconds redial_delay_;
  std::optional<Clock::time_point> redial_at_;
};

}  // namespace anpr::transport
