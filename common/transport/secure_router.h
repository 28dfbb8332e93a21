// The central's listening socket: a ROUTER that speaks only CURVE, admits only
// the clients its ZapAuthenticator allows, and tells the caller which edge
// sent each message. Payloads are opaque bytes; what they mean is proto/'s
// business. Like any ZeroMQ socket, one SecureRouter is used from one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <spdlog/spdlog.h>
#include <zmq.hpp>

#include "common/transport/zap_authenticator.h"

namespace anpr::transport {

struct RouterOptions {
  std::string endpoint;    // "tcp://0.0.0.0:7100"; port "*" binds a free one
  std::string secret_key;  // the server's Z85 secret key
  // Required. A peer sending a larger message is disconnected by libzmq
  // before the message is assembled; it reconnects and other peers carry on.
  std::size_t max_message_bytes = 0;
  std::chrono::milliseconds heartbeat_interval{10'000};
  std::chrono::milliseconds heartbeat_timeout{30'000};
  std::chrono::milliseconds linger{1'000};  // how long close() may flush replies
  std::shared_ptr<spdlog::logger> logger = spdlog::default_logger();
};

struct InboundMessage {
  std::string routing_id;  // opaque; pass back to send() to reply
  std::string peer;        // the sender's name in the allow-list (edge id)
  std::string payload;
};

class SecureRouter {
 public:
  // Binds in the authenticator's context with ZAP enforced, so no client can
  // get in without a yes from `authenticator`, which must outlive this.
  // Messages on a connection whose key has since left the allow-list are
  // dropped, so revoking a key cuts off a box that is already connected.
  // Throws TransportError on a bad key, option or endpoint.
  SecureRouter(const ZapAuthenticator& authenticator, const RouterOptions& options);

  // The next message, or nullopt if none arrived within `timeout`.
  std::optional<InboundMessage> receive(std::chrono::milliseconds timeout);

  // Queues `payload` for the peer behind `routing_id` without blocking. False
  // if that peer is gone (disconnected, or reconnected under a new id) or its
  // queue is full; the peer will then resend what it has not seen acked.
  bool send(std::string_view routing_id, std::string_view payload);

  // The bound endpoint with the port resolved, e.g. "tcp://127.0.0.1:41234".
  std::string endpoint() const;

 private:
  // Whether the sender of `payload` is still allowed; logs a refusal once per connection.
  bool still_admitted(const zmq::message_t& payload, const std::string& routing_id, const char* peer);

  const ZapAuthenticator& authenticator_;
  zmq::socket_t socket_;
  std::shared_ptr<spdlog::logger> logger_;
  std::unordered_set<std::string> revoked_connections_;  // routing ids already logged
};

}  // namespace anpr::transport
