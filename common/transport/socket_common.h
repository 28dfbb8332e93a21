// Socket plumbing both secure endpoints share: millisecond options checked
// before libzmq sees them, heartbeats, and waiting on one socket with a
// timeout. Keeping it in one place keeps the two ends configured alike.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <zmq.hpp>

namespace anpr::transport {

// `value` as the int libzmq wants; throws TransportError naming `option` when
// negative or too large.
int option_ms(std::chrono::milliseconds value, std::string_view option);

// ZMTP heartbeats (PING every `interval`, drop the link after `timeout`
// without traffic, and ask the peer to do the same) so that a dead link is
// noticed and reconnected instead of swallowing messages.
void set_heartbeats(zmq::socket_t& socket, std::chrono::milliseconds interval, std::chrono::milliseconds timeout);

// True when `socket` became ready for `events` (ZMQ_POLLIN / ZMQ_POLLOUT)
// within `timeout`.
bool wait_for(zmq::socket_t& socket, short events, std::chrono::milliseconds timeout);

// All frames of the next message, or none when no message is waiting.
std::vector<zmq::message_t> receive_frames(zmq::socket_t& socket);

}  // namespace anpr::transport
