// Shared socket settings and polling for SecureRouter and SecureDealer.
#include "common/transport/socket_common.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "common/transport/transport_error.h"

namespace anpr::transport {

int option_ms(std::chrono::milliseconds value, std::string_view option) {
  if (value.count() < 0 || value.count() > std::numeric_limits<int>::max()) {
    throw TransportError(std::string(option) + " of " + std::to_string(value.count()) +
                         " ms is out of range (0 .. 2^31-1 ms)");
  }
  return static_cast<int>(value.count());
}

void set_heartbeats(zmq::socket_t& socket, std::chrono::milliseconds interval, std::chrono::milliseconds timeout) {
  if (interval.count() <= 0 || timeout <= interval) {
    throw TransportError("heartbeat interval " + std::to_string(interval.count()) + " ms and timeout " +
                         std::to_string(timeout.count()) +
                         " ms: the interval must be positive and shorter than the timeout");
  }
  socket.set(zmq::sockopt::heartbeat_ivl, option_ms(interval, "heartbeat interval"));
  socket.set(zmq::sockopt::heartbeat_timeout, option_ms(timeout, "heartbeat timeout"));
  socket.set(zmq::sockopt::heartbeat_ttl, option_ms(timeout, "heartbeat timeout"));
}

bool wait_for(zmq::socket_t& socket, short events, std::chrono::milliseconds timeout) {
  zmq::pollitem_t item{socket.handle(), 0, events, 0};
  return zmq::poll(&item, 1, std::max(timeout, std::chrono::milliseconds(0))) > 0;
}

std::vector<zmq::message_t> receive_frames(zmq::socket_t& socket) {
  std::vector<zmq::message_t> frames;
  zmq::message_t frame;
  if (!socket.recv(frame, zmq::recv_flags::dontwait)) return frames;
  // The remaining frames of a message arrive together with the first.
  while (true) {
    const bool more = frame.more();
    frames.push_back(std::move(frame));
    if (!more) break;
    frame = zmq::message_t();
    (void)socket.recv(frame, zmq::recv_flags::none);
  }
  return frames;
}

}  // namespace anpr::transport
