// The ZAP handler of a ZeroMQ context: the one place that decides which
// clients may talk to the context's CURVE server sockets. It answers libzmq's
// requests on inproc://zeromq.zap.01 from a thread of its own, admits only
// client keys in the allow-list (see zap_protocol.h), and logs and counts
// every refusal so an unknown or revoked camera box shows up in the central's
// log instead of failing silently.
//
// The allow-list can be replaced at any time from any thread (the central
// reloads it from its config/database); the new list applies to handshakes
// that start afterwards; SecureRouter also drops messages on connections
// whose key has since been removed (see admits()).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <zmq.hpp>

#include "common/transport/zap_protocol.h"

namespace anpr::transport {

class ZapAuthenticator {
 public:
  // Serves ZAP for `context`, answering requests for `domain` (other domains
  // are refused). Starts with an empty allow-list, i.e. refusing everyone.
  // Throws TransportError if the context already has a ZAP handler.
  ZapAuthenticator(zmq::context_t& context, std::string domain,
                   std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());
  ~ZapAuthenticator();
  ZapAuthenticator(const ZapAuthenticator&) = delete;
  ZapAuthenticator& operator=(const ZapAuthenticator&) = delete;

  // Throws TransportError, leaving the current list in force, if a key is
  // not Z85 or a name is empty.
  void replace_allow_list(AllowList allowed);

  // Whether `key` is still listed under `name`: the server asks this of every
  // message, so removing a key also cuts off connections it already opened.
  bool admits(std::string_view key, std::string_view name) const;

  std::uint64_t refused() const { return refused_.load(); }
  std::uint64_t admitted() const { return admitted_.load(); }

  zmq::context_t& context() const { return context_; }
  const std::string& domain() const { return domain_; }

 private:
  void run();
  void answer(const std::vector<zmq::message_t>& request);
  ZapVerdict judge(const ZapRequest& request);

  zmq::context_t& context_;
  const std::string domain_;
  const std::shared_ptr<spdlog::logger> logger_;
  zmq::socket_t handler_;       // REP, bound to inproc://zeromq.zap.01
  zmq::socket_t stop_receiver_; // PAIR; a message on it ends run()
  zmq::socket_t stop_sender_;
  mutable std::mutex allowed_mutex_;
  AllowList allowed_;
  std::atomic<std::uint64_t> refused_{0};
  std::atomic<std::uint64_t> admitted_{0};
  std::thread thread_;
};

}  // namespace anpr::transport
