// SecureDealer: CURVE client settings, the plaintext guard, reconnect and
// heartbeat tuning, redialling after failed handshakes, and bounded
// send/receive.
#include "common/transport/secure_dealer.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "common/transport/socket_common.h"
#include "common/transport/transport_error.h"

namespace anpr::transport {

namespace {

// Sets up CURVE, or checks that plaintext was asked for and says so loudly.
void configure_security(zmq::socket_t& socket, const DealerOptions& options, const std::string& where) {
  const CurveKeyPair& keys = options.client_keys;
  const int present = !options.server_public_key.empty() + !keys.public_key.empty() + !keys.secret_key.empty();
  if (present == 0) {
    if (!options.allow_plaintext) {
      throw TransportError(where + ": no CURVE keys configured; refusing to send plaintext "
                           "(allow_plaintext is for local testing only)");
    }
    options.logger->warn("transport_plaintext endpoint={} warning=\"NOT ENCRYPTED, NOT AUTHENTICATED: plate data "
                         "crosses the network in the clear; for local testing only\"",
                         options.endpoint);
    return;
  }
  if (present != 3) {
    throw TransportError(where + ": CURVE keys incomplete; the server public key and this box's public and "
                         "secret key are all needed");
  }
  check_z85_key(options.server_public_key, "server public key of " + where);
  check_z85_key(keys.public_key, "client public key of " + where);
  if (public_key_of(keys.secret_key, "client secret key of " + where) != keys.public_key) {
    throw TransportError(where + ": the client public key does not belong to the client secret key");
  }
  socket.set(zmq::sockopt::curve_serverkey, options.server_public_key);
  socket.set(zmq::sockopt::curve_publickey, keys.public_key);
  socket.set(zmq::sockopt::curve_secretkey, keys.secret_key);
}

zmq::socket_t configured_socket(zmq::context_t& context, const DealerOptions& options) {
  const std::string where = "dealer to " + options.endpoint;
  zmq::socket_t socket(context, zmq::socket_type::dealer);
  configure_security(socket, options, where);
  if (options.max_message_bytes == 0 || options.max_message_bytes > INT64_MAX) {
    throw TransportError(where + ": max_message_bytes must be set (the largest reply the server may send)");
  }
  if (options.reconnect_interval.count() <= 0 || options.reconnect_interval_max < options.reconnect_interval) {
    throw TransportError(where + ": reconnect_interval must be positive and not above reconnect_interval_max");
  }
  socket.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(options.max_message_bytes));
  socket.set(zmq::sockopt::immediate, true);
  socket.set(zmq::sockopt::reconnect_ivl, option_ms(options.reconnect_interval, "reconnect interval of " + where));
  socket.set(zmq::sockopt::reconnect_ivl_max,
             option_ms(options.reconnect_interval_max, "maximum reconnect interval of " + where));
  socket.set(zmq::sockopt::linger, option_ms(options.linger, "linger of " + where));
  set_heartbeats(socket, options.heartbeat_interval, options.heartbeat_timeout);
  return socket;
}

}  // namespace

SecureDealer::SecureDealer(zmq::context_t& context, const DealerOptions& options)
    : endpoint_(options.endpoint),
      reconnect_interval_(options.reconnect_interval),
      reconnect_interval_max_(options.reconnect_interval_max),
      logger_(options.logger),
      socket_(configured_socket(context, options)),
      watch_(context, socket_),
      redial_delay_(reconnect_interval_) {
  try {
    socket_.connect(endpoint_);
  } catch (const zmq::error_t& error) {
    throw TransportError("cannot connect dealer to " + endpoint_ + ": " + error.what());
  }
}

bool SecureDealer::send(std::string_view payload, std::chrono::milliseconds timeout) {
  if (!wait(ZMQ_POLLOUT, Clock::now() + timeout)) return false;
  return socket_.send(zmq::buffer(payload), zmq::send_flags::dontwait).has_value();
}

std::optional<std::string> SecureDealer::receive(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (wait(ZMQ_POLLIN, deadline)) {
    std::vector<zmq::message_t> frames = receive_frames(socket_);
    if (frames.size() == 1) return frames[0].to_string();
    if (!frames.empty()) {
      logger_->warn("dealer_message_dropped endpoint={} frames={} reason=\"expected one payload frame\"", endpoint_,
                    frames.size());
    }
  }
  return std::nullopt;
}

bool SecureDealer::wait(short events, Clock::time_point deadline) {
  while (true) {
    handle_handshakes();
    if (redial_at_ && Clock::now() >= *redial_at_) {
      redial_at_.reset();
      // The failed connection's endpoint may already be gone; either way a
      // fresh connect() starts a new one.
      try {
        socket_.disconnect(endpoint_);
      } catch (const zmq::error_t&) {
      }
      socket_.connect(endpoint_);
    }
    auto wake = deadline;
    if (redial_at_) wake = std::min(wake, *redial_at_);
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now());
    zmq::pollitem_t items[] = {{socket_.handle(), 0, events, 0}, {watch_.socket().handle(), 0, ZMQ_POLLIN, 0}};
    zmq::poll(items, 2, std::max(left, std::chrono::milliseconds(0)));
    if (items[0].revents & events) return true;
    if (Clock::now() >= deadline) return false;
  }
}

void SecureDealer::handle_handshakes() {
  while (const auto event = watch_.next()) {
    if (event->outcome == HandshakeWatch::Outcome::kSucceeded) {
      logger_->info("dealer_connected endpoint={} after_failures={}", endpoint_, failures_);
      failures_ = 0;
      redial_delay_ = reconnect_interval_;
      continue;
    }
    // Say it loudly once per outage, then quietly, so a box locked out for a
    // day does not fill its disk with the same line.
    const auto level = failures_++ == 0 ? spdlog::level::warn : spdlog::level::debug;
    if (event->outcome == HandshakeWatch::Outcome::kDropped) {
      logger_->log(level,
                   "dealer_handshake_dropped endpoint={} errno={} hint=\"the server hung up during the handshake; "
                   "is server_public_key the central's current key?\"",
                   endpoint_, event->detail);
      continue;
    }
    if (redial_at_) continue;  // one failure can be reported twice
    if (event->outcome == HandshakeWatch::Outcome::kRefused) {
      logger_->log(level,
                   "dealer_refused endpoint={} zap_status={} retry_in_ms={} hint=\"is this box's public key in the "
                   "central's allow-list?\"",
                   endpoint_, event->detail, redial_delay_.count());
    } else {
      logger_->log(level,
                   "dealer_handshake_failed endpoint={} error=0x{:x} retry_in_ms={} hint=\"plaintext/CURVE "
                   "mismatch or a peer that is not an anpr central\"",
                   endpoint_, event->detail, redial_delay_.count());
    }
    redial_at_ = Clock::now() + redial_delay_;
    redial_delay_ = std::min(redial_delay_ * 2, reconnect_interval_max_);
  }
}

}  // namespace anpr::transport
