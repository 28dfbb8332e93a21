// Decoding libzmq monitor events (a 6-byte event frame, then the endpoint)
// into the handshake outcomes SecureDealer acts on.
#include "common/transport/handshake_watch.h"

#include <cstring>
#include <string>
#include <vector>

#include "common/transport/socket_common.h"
#include "common/transport/transport_error.h"

namespace anpr::transport {

namespace {

constexpr int kWatchedEvents = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
                               ZMQ_EVENT_HANDSHAKE_FAILED_AUTH | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL;
constexpr std::size_t kEventFrameBytes = sizeof(std::uint16_t) + sizeof(std::uint32_t);

}  // namespace

HandshakeWatch::HandshakeWatch(zmq::context_t& context, zmq::socket_t& watched)
    : monitor_(context, zmq::socket_type::pair) {
  const std::string endpoint =
      "inproc://anpr-handshake-watch-" + std::to_string(reinterpret_cast<std::uintptr_t>(watched.handle()));
  if (zmq_socket_monitor(watched.handle(), endpoint.c_str(), kWatchedEvents) != 0) {
    throw TransportError("cannot monitor handshakes on " + endpoint + ": " + zmq_strerror(zmq_errno()));
  }
  monitor_.set(zmq::sockopt::linger, 0);
  monitor_.connect(endpoint);
}

std::optional<HandshakeWatch::Event> HandshakeWatch::next() {
  while (true) {
    const std::vector<zmq::message_t> frames = receive_frames(monitor_);
    if (frames.empty()) return std::nullopt;
    if (frames[0].size() != kEventFrameBytes) continue;
    std::uint16_t event = 0;
    std::uint32_t value = 0;
    std::memcpy(&event, frames[0].data(), sizeof event);
    std::memcpy(&value, static_cast<const char*>(frames[0].data()) + sizeof event, sizeof value);
    switch (event) {
      case ZMQ_EVENT_HANDSHAKE_SUCCEEDED:
        return Event{Outcome::kSucceeded, value};
      case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH:
        return Event{Outcome::kRefused, value};
      case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL:
        return Event{Outcome::kFailed, value};
      case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
        return Event{Outcome::kDropped, value};
      default:
        continue;  // e.g. MONITOR_STOPPED while the watched socket closes
    }
  }
}

}  // namespace anpr::transport
