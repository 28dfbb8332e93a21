// ZAP handler thread: sockets are made and bound in the constructor (so a
// second handler on one context fails there, loudly) and then used only by the
// thread, which ZeroMQ permits once the thread start has ordered the accesses.
#include "common/transport/zap_authenticator.h"

#include <cerrno>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/transport/curve_keys.h"
#include "common/transport/socket_common.h"
#include "common/transport/transport_error.h"

namespace anpr::transport {

namespace {

constexpr const char* kZapEndpoint = "inproc://zeromq.zap.01";

std::string stop_endpoint(const void* owner) {
  return "inproc://anpr-zap-stop-" + std::to_string(reinterpret_cast<std::uintptr_t>(owner));
}

}  // namespace

ZapAuthenticator::ZapAuthenticator(zmq::context_t& context, std::string domain,
                                   std::shared_ptr<spdlog::logger> logger)
    : context_(context),
      domain_(std::move(domain)),
      logger_(std::move(logger)),
      handler_(context, zmq::socket_type::rep),
      stop_receiver_(context, zmq::socket_type::pair),
      stop_sender_(context, zmq::socket_type::pair) {
  if (domain_.empty()) throw TransportError("ZAP authenticator needs a non-empty domain");
  for (zmq::socket_t* socket : {&handler_, &stop_receiver_, &stop_sender_}) socket->set(zmq::sockopt::linger, 0);
  try {
    handler_.bind(kZapEndpoint);
  } catch (const zmq::error_t& error) {
    if (error.num() == EADDRINUSE) {
      throw TransportError("ZAP authenticator for domain \"" + domain_ +
                           "\": this ZeroMQ context already has a ZAP handler");
    }
    throw TransportError("ZAP authenticator for domain \"" + domain_ + "\": cannot bind " + kZapEndpoint + ": " +
                         error.what());
  }
  stop_receiver_.bind(stop_endpoint(this));
  stop_sender_.connect(stop_endpoint(this));
  thread_ = std::thread([this] { run(); });
}

ZapAuthenticator::~ZapAuthenticator() {
  try {
    stop_sender_.send(zmq::str_buffer("stop"), zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
    // The context is already shutting down, which ends run() by itself.
  }
  thread_.join();
}

void ZapAuthenticator::replace_allow_list(AllowList allowed) {
  for (const auto& [key, name] : allowed) {
    check_z85_key(key, "allow-list key of \"" + name + "\"");
    if (name.empty()) throw TransportError("allow-list key " + key + " has an empty name");
  }
  const std::size_t size = allowed.size();
  {
    const std::lock_guard lock(allowed_mutex_);
    allowed_ = std::move(allowed);
  }
  logger_->info("zap_allow_list_replaced domain={} keys={}", domain_, size);
}

bool ZapAuthenticator::admits(std::string_view key, std::string_view name) const {
  const std::lock_guard lock(allowed_mutex_);
  const auto listed = allowed_.find(std::string(key));
  return listed != allowed_.end() && listed->second == name;
}

void ZapAuthenticator::run() {
  zmq::pollitem_t items[] = {{handler_.handle(), 0, ZMQ_POLLIN, 0}, {stop_receiver_.handle(), 0, ZMQ_POLLIN, 0}};
  try {
    while (true) {
      zmq::poll(items, 2, std::chrono::milliseconds(-1));
      if (items[1].revents & ZMQ_POLLIN) return;
      if (items[0].revents & ZMQ_POLLIN) answer(receive_frames(handler_));
    }
  } catch (const zmq::error_t& error) {
    if (error.num() != ETERM) {
      // With ZAP enforced, no client gets in from now on; say so plainly.
      logger_->critical("zap_handler_stopped domain={} error=\"{}\" effect=\"all new connections refused\"",
                        domain_, error.what());
    }
  }
}

void ZapAuthenticator::answer(const std::vector<zmq::message_t>& request) {
  std::vector<std::string> frames;
  frames.reserve(request.size());
  for (const zmq::message_t& frame : request) frames.push_back(frame.to_string());

  const std::optional<ZapRequest> parsed = parse_zap_request(frames);
  ZapVerdict verdict;
  if (parsed) {
    verdict = judge(*parsed);
  } else {
    verdict = {false, "500", "malformed ZAP request", {}, {}};
    refused_.fetch_add(1);
    logger_->error("zap_malformed_request domain={} frames={}", domain_, frames.size());
  }

  const std::vector<std::string> reply = zap_reply_frames(frames.size() > 1 ? frames[1] : "", verdict);
  for (std::size_t i = 0; i < reply.size(); ++i) {
    handler_.send(zmq::buffer(reply[i]), i + 1 < reply.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
  }
}

ZapVerdict ZapAuthenticator::judge(const ZapRequest& request) {
  ZapVerdict verdict;
  {
    const std::lock_guard lock(allowed_mutex_);
    verdict = judge_zap_request(request, domain_, allowed_);
  }
  if (verdict.admitted) {
    admitted_.fetch_add(1);
    logger_->info("zap_admitted domain={} address={} key={} name={}", domain_, request.address, verdict.client_key,
                  verdict.user_id);
  } else {
    refused_.fetch_add(1);
    logger_->warn("zap_refused domain={} address={} mechanism={} key={} reason=\"{}\"", request.domain,
                  request.address, request.mechanism, verdict.client_key.empty() ? "-" : verdict.client_key,
                  verdict.status_text);
  }
  return verdict;
}

}  // namespace anpr::transport
