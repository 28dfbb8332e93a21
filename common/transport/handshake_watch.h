// Handshake outcomes of one socket, read from its libzmq monitor. libzmq 4.3
// gives up on a connection for good when a handshake fails (the server
// refused the key, or the server's key is not the one expected); only a fresh
// connect() tries again. SecureDealer watches for that here so an edge that
// is enrolled, or whose central changed keys, gets back in without a restart.
#pragma once

#include <cstdint>
#include <optional>

#include <zmq.hpp>

namespace anpr::transport {

class HandshakeWatch {
 public:
  enum class Outcome {
    kSucceeded,
    kRefused,  // the server's ZAP handler said no; libzmq will not retry
    kFailed,   // a protocol error in the handshake; libzmq will not retry
    kDropped,  // the peer hung up mid-handshake (e.g. it could not decrypt
               // our HELLO: wrong server key); libzmq retries by itself
  };

  struct Event {
    Outcome outcome;
    // kRefused: the ZAP status code (e.g. 400); kFailed: a ZMQ_PROTOCOL_ERROR_*
    // code; kDropped: an errno value.
    std::uint32_t detail;
  };

  // Starts monitoring `watched`; call before `watched` connects so that no
  // handshake is missed.
  HandshakeWatch(zmq::context_t& context, zmq::socket_t& watched);

  // The next outcome already reported, without waiting.
  std::optional<Event> next();

  // Readable when next() has something; for polling alongside other sockets.
  zmq::socket_t& socket() { return monitor_; }

 private:
  zmq::socket_t monitor_;
};

}  // namespace anpr::transport
