// The alert XPUB and its thread; see alert_publisher.h.
#include "central/alerts/alert_publisher.h"

#include <cerrno>
#include <chrono>
#include <optional>
#include <sstream>
#include <vector>

#include "anpr/wire.h"
#include "central/alerts/alert_policy.h"
#include "central/alerts/subscription_policy.h"
#include "central/alerts/wall_clock.h"
#include "common/log/log.h"
#include "common/transport/curve_keys.h"
#include "common/transport/socket_common.h"
#include "common/transport/transport_error.h"
#include "common/uuid/uuid.h"

namespace anpr::alerts {

namespace {

// ZMQ_ZAP_ENFORCE_DOMAIN, a draft option name in libzmq 4.3 (see
// common/transport/secure_router.cc): without it an XPUB whose ZAP handler
// is gone would admit every subscriber.
constexpr int kZapEnforceDomain = 93;

// Bounds what a subscriber can make the publisher allocate. It applies to the
// CURVE handshake's commands too (INITIATE carries a vouch and metadata, a
// few hundred bytes), so it is well above any topic prefix.
constexpr std::int64_t kMaxInboundBytes = 4096;


std::string handover_endpoint(const void* self) {
  std::ostringstream out;
  out << "inproc://anpr-alert-publisher-" << self;
  return out.str();
}

}  // namespace

AlertPublisher::AlertPublisher(const transport::ZapAuthenticator& authenticator, const PublisherOptions& options)
    : logger_(options.logger),
      xpub_(authenticator.context(), zmq::socket_type::xpub),
      pull_(authenticator.context(), zmq::socket_type::pull),
      push_(authenticator.context(), zmq::socket_type::push) {
  const std::string where = "alert publisher on " + options.endpoint;
  transport::check_z85_key(options.secret_key, "server secret key of " + where);
  xpub_.set(zmq::sockopt::curve_server, true);
  xpub_.set(zmq::sockopt::curve_secretkey, options.secret_key);
  xpub_.set(zmq::sockopt::zap_domain, authenticator.domain());
  const int enforce = 1;
  if (zmq_setsockopt(xpub_.handle(), kZapEnforceDomain, &enforce, sizeof enforce) != 0) {
    throw transport::TransportError(where + ": this libzmq cannot enforce ZAP: " + zmq_strerror(errno));
  }
  xpub_.set(zmq::sockopt::xpub_manual, true);
  xpub_.set(zmq::sockopt::maxmsgsize, kMaxInboundBytes);
  xpub_.set(zmq::sockopt::sndhwm, options.send_high_water_mark);
  xpub_.set(zmq::sockopt::linger, 0);
  transport::set_heartbeats(xpub_, options.heartbeat_interval, options.heartbeat_timeout);
  try {
    xpub_.bind(options.endpoint);
  } catch (const zmq::error_t& error) {
    throw transport::TransportError("cannot bind " + where + ": " + error.what());
  }
  endpoint_ = xpub_.get(zmq::sockopt::last_endpoint);

  const std::string handover = handover_endpoint(this);
  pull_.set(zmq::sockopt::rcvhwm, 0);
  pull_.bind(handover);
  push_.set(zmq::sockopt::sndhwm, 100'000);
  push_.set(zmq::sockopt::linger, 0);
  push_.connect(handover);
  thread_ = std::thread([this] { run(); });
  logger_->info("alert_publisher_listening endpoint={}", endpoint_);
}

AlertPublisher::~AlertPublisher() {
  stopping_ = true;
  thread_.join();
}

bool AlertPublisher::publish(const RaisedAlert& raised) {
  if (raised.audience.empty()) return true;
  std::lock_guard lock(push_mutex_);
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(next_message_id_++);
  envelope.set_sent_at_us(wall_clock_us());
  *envelope.mutable_alert() = raised.alert;
  std::string payload;
  try {
    payload = proto::encode(envelope);
  } catch (const proto::WireError& e) {
    // A sighting near the size limit no longer fits once wrapped in an
    // alert: its overview image goes (the stored sighting keeps it).
    if (e.kind() != proto::WireError::Kind::kTooLarge) throw;
    envelope.mutable_alert()->mutable_sighting()->clear_overview_jpeg();
    payload = proto::encode(envelope);
    logger_->warn("alert_overview_dropped alert={} reason=\"{}\"", uuid::to_text(raised.alert.alert_id()), e.what());
  }
  std::vector<zmq::message_t> frames;
  for (const std::string& agency : raised.audience) frames.emplace_back(topic(agency, raised.alert.priority()));
  frames.emplace_back(payload);
  // The frames of one multi-part message are queued together or not at all.
  for (std::size_t i = 0; i < frames.size(); ++i) {
    auto flags = i + 1 < frames.size() ? zmq::send_flags::sndmore | zmq::send_flags::dontwait : zmq::send_flags::dontwait;
    if (!push_.send(frames[i], flags)) {
      logger_->error("alert_not_published alert={} reason=\"publisher hand-over queue full\"",
                     uuid::to_text(raised.alert.alert_id()));
      return false;
    }
  }
  return true;
}

void AlertPublisher::run() {
  zmq::pollitem_t items[] = {{xpub_.handle(), 0, ZMQ_POLLIN, 0}, {pull_.handle(), 0, ZMQ_POLLIN, 0}};
  while (!stopping_) {
    zmq::poll(items, 2, std::chrono::milliseconds(100));
    if (items[0].revents & ZMQ_POLLIN) {
      zmq::message_t message;
      while (xpub_.recv(message, zmq::recv_flags::dontwait)) handle_subscription(message);
    }
    if (items[1].revents & ZMQ_POLLIN) {
      std::vector<zmq::message_t> frames;
      while (!(frames = transport::receive_frames(pull_)).empty()) {
        const zmq::message_t& payload = frames.back();
        for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
          // An XPUB never blocks on send: a subscriber at its high-water mark just misses the message.
          // Counted before the send: whoever has received the alert must also see it counted.
          ++published_;
          xpub_.send(zmq::buffer(frames[i].data(), frames[i].size()), zmq::send_flags::sndmore);
          xpub_.send(zmq::buffer(payload.data(), payload.size()), zmq::send_flags::none);
        }
      }
    }
  }
}

void AlertPublisher::handle_subscription(const zmq::message_t& message) {
  if (message.size() == 0) return;
  const auto* bytes = static_cast<const char*>(message.data());
  const bool subscribe = bytes[0] == 1;
  if (!subscribe && bytes[0] != 0) return;
  const std::string requested(bytes + 1, message.size() - 1);
  const char* agency = zmq_msg_gets(message.handle(), "User-Id");
  const std::string who = agency == nullptr ? "" : agency;
  std::optional<std::string> granted = granted_subscription(who, requested);
  if (!granted) {
    if (subscribe) {
      ++refused_;
      logger_->warn("alert_subscription_refused agency={} topic=\"{}\" reason=\"not a topic of this agency\"",
                    who.empty() ? "-" : who, log::json_escape(requested));
    }
    return;
  }
  // In manual mode this applies to the subscriber whose message was read last.
  if (subscribe) {
    xpub_.set(zmq::sockopt::subscribe, *granted);
    logger_->info("alert_subscription agency={} requested=\"{}\" granted={}", who, log::json_escape(requested),
                  *granted);
  } else {
    xpub_.set(zmq::sockopt::unsubscribe, *granted);
  }
}

}  // namespace anpr::alerts
