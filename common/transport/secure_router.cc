// SecureRouter: CURVE server settings, ZAP enforcement and the two-frame
// [routing id][payload] envelope of ROUTER sockets.
#include "common/transport/secure_router.h"

#include <cerrno>
#include <cstdint>
#include <utility>
#include <vector>

#include "common/transport/curve_keys.h"
#include "common/transport/socket_common.h"
#include "common/transport/transport_error.h"

namespace anpr::transport {

namespace {

// ZMQ_ZAP_ENFORCE_DOMAIN: a draft name in libzmq 4.3's headers, but the
// library honours it. Without it a CURVE server whose ZAP handler is missing
// or has died admits every client; with it, none.
constexpr int kZapEnforceDomain = 93;

}  // namespace

SecureRouter::SecureRouter(const ZapAuthenticator& authenticator, const RouterOptions& options)
    : authenticator_(authenticator),
      socket_(authenticator.context(), zmq::socket_type::router),
      logger_(options.logger) {
  const std::string where = "router for " + options.endpoint;
  check_z85_key(options.secret_key, "server secret key of " + where);
  if (options.max_message_bytes == 0 || options.max_message_bytes > INT64_MAX) {
    throw TransportError(where + ": max_message_bytes must be set (the largest payload a peer may send)");
  }
  socket_.set(zmq::sockopt::curve_server, true);
  socket_.set(zmq::sockopt::curve_secretkey, options.secret_key);
  socket_.set(zmq::sockopt::zap_domain, authenticator.domain());
  const int enforce = 1;
  if (zmq_setsockopt(socket_.handle(), kZapEnforceDomain, &enforce, sizeof enforce) != 0) {
    throw TransportError(where + ": this libzmq cannot enforce ZAP (ZMQ_ZAP_ENFORCE_DOMAIN: " +
                         zmq_strerror(errno) + ")");
  }
  socket_.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(options.max_message_bytes));
  socket_.set(zmq::sockopt::router_mandatory, true);
  socket_.set(zmq::sockopt::linger, option_ms(options.linger, "linger of " + where));
  set_heartbeats(socket_, options.heartbeat_interval, options.heartbeat_timeout);
  try {
    socket_.bind(options.endpoint);
  } catch (const zmq::error_t& error) {
    throw TransportError("cannot bind " + where + ": " + error.what());
  }
}

std::optional<InboundMessage> SecureRouter::receive(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    // Rounded up: truncating turned a 1 ms wait into a zero-time poll, and a
    // caller waiting 1 ms at a time into a busy loop.
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!wait_for(socket_, ZMQ_POLLIN, left)) return std::nullopt;
    std::vector<zmq::message_t> frames = receive_frames(socket_);
    if (frames.empty()) continue;
    if (frames.size() != 2) {
      // Our dealers send one frame per message; anything else is not ours to guess at.
      logger_->warn("router_message_dropped endpoint={} frames={} reason=\"expected one payload frame\"", endpoint(),
                    frames.size() - 1);
      continue;
    }
    const char* peer = zmq_msg_gets(frames[1].handle(), "User-Id");
    if (peer == nullptr || *peer == '\0') {
      logger_->error("router_message_dropped endpoint={} reason=\"no ZAP user id\"", endpoint());
      continue;
    }
    std::string routing_id = frames[0].to_string();
    if (!still_admitted(frames[1], routing_id, peer)) continue;
    return InboundMessage{std::move(routing_id), peer, frames[1].to_string()};
  }
}

bool SecureRouter::still_admitted(const zmq::message_t& payload, const std::string& routing_id, const char* peer) {
  const char* key = zmq_msg_gets(payload.handle(), kCurveKeyProperty);
  if (key != nullptr && authenticator_.admits(key, peer)) return true;
  if (revoked_connections_.insert(routing_id).second) {
    logger_->warn("router_peer_revoked endpoint={} peer={} key={} effect=\"messages on this connection dropped\"",
                  endpoint(), peer, key == nullptr ? "-" : key);
  }
  return false;
}

bool SecureRouter::send(std::string_view routing_id, std::string_view payload) {
  try {
    if (!socket_.send(zmq::buffer(routing_id), zmq::send_flags::sndmore | zmq::send_flags::dontwait)) return false;
    // Once the routing frame is accepted the payload frame always is.
    return socket_.send(zmq::buffer(payload), zmq::send_flags::dontwait).has_value();
  } catch (const zmq::error_t& error) {
    if (error.num() == EHOSTUNREACH) return false;
    throw;
  }
}

std::string SecureRouter::endpoint() const { return socket_.get(zmq::sockopt::last_endpoint); }

}  // namespace anpr::transport
