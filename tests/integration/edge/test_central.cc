// The in-test central; see test_central.h.
#include "tests/integration/edge/test_central.h"

#include "anpr/wire.h"

namespace anpr::testing {

namespace {

using namespace std::chrono_literals;

transport::RouterOptions router_options(int port, const transport::CurveKeyPair& keys) {
  transport::RouterOptions options;
  options.endpoint = "tcp://127.0.0.1:" + std::to_string(port);
  options.secret_key = keys.secret_key;
  options.max_message_bytes = proto::kMaxMessageBytes;
  options.linger = 0ms;
  return options;
}

}  // namespace

TestCentral::TestCentral(int port, const transport::CurveKeyPair& server_keys, transport::AllowList allowed)
    : authenticator_(context_, "anpr"), router_(authenticator_, router_options(port, server_keys)) {
  authenticator_.replace_allow_list(std::move(allowed));
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

TestCentral::~TestCentral() {
  thread_.request_stop();
  thread_.join();
}

void TestCentral::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto message = router_.receive(50ms);
    if (!message) continue;
    v1::Envelope envelope;
    try {
      envelope = proto::decode(message->payload);
    } catch (const proto::WireError&) {
      continue;
    }
    std::lock_guard lock(mutex_);
    if (envelope.has_heartbeat()) {
      if (envelope.heartbeat().edge_id() != message->peer) ++foreign_;
      heartbeats_.push_back(envelope.heartbeat());
    } else if (envelope.has_sighting()) {
      const auto& sighting = envelope.sighting();
      if (sighting.edge_id() != message->peer) ++foreign_;
      if (answered_.contains(sighting.event_id())) ++received_after_answer_;
      sightings_.push_back(sighting);
      v1::Envelope reply;
      reply.set_schema_version(proto::kSchemaVersion);
      bool refuse = reject_plates_.contains(sighting.plate_text());
      if (refuse) {
        auto* reject = reply.mutable_reject();
        reject->set_message_id(envelope.message_id());
        reject->add_event_ids(sighting.event_id());
        reject->set_reason(v1::REJECT_REASON_INVALID_FIELD);
        reject->set_detail("plate_text: refused by the test");
      } else {
        // Central acks after its commit; here the "commit" is the record above.
        reply.mutable_ack()->add_event_ids(sighting.event_id());
      }
      if (router_.send(message->routing_id, proto::encode(reply))) {
        answered_.insert(sighting.event_id());
        rejects_ += refuse ? 1 : 0;
      }
    }
  }
}

std::vector<v1::Sighting> TestCentral::sightings() const {
  std::lock_guard lock(mutex_);
  return sightings_;
}

std::size_t TestCentral::distinct_sightings() const {
  std::lock_guard lock(mutex_);
  std::set<std::string> ids;
  for (const auto& s : sightings_) ids.insert(s.event_id());
  return ids.size();
}

std::size_t TestCentral::heartbeats() const {
  std::lock_guard lock(mutex_);
  return heartbeats_.size();
}

v1::Heartbeat TestCentral::last_heartbeat() const {
  std::lock_guard lock(mutex_);
  return heartbeats_.empty() ? v1::Heartbeat() : heartbeats_.back();
}

void TestCentral::reject_plates(std::set<std::string> plates) {
  std::lock_guard lock(mutex_);
  reject_plates_ = std::move(plates);
}

std::size_t TestCentral::received_after_answer() const {
  std::lock_guard lock(mutex_);
  return received_after_answer_;
}

std::size_t TestCentral::rejects_sent() const {
  std::lock_guard lock(mutex_);
  return rejects_;
}

std::size_t TestCentral::foreign_messages() const {
  std::lock_guard lock(mutex_);
  return foreign_;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
  return true;
}

}  // namespace anpr::testing
