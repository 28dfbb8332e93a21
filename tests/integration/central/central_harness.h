// What the central server's integration tests share: a real anpr-central
// running in-process on a thread against a fresh database on the throwaway
// PostgreSQL, with its own CURVE keys; edge clients that send like an edge
// (resending what is not acked); alert subscribers; sightings shaped like an
// edge's. Every wait is bounded. The server's warnings go to stderr; with
// ANPR_TEST_VERBOSE set, its whole log at debug level.
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <zmq.hpp>

#include "anpr/v1/envelope.pb.h"
#include "central/server/central_server.h"
#include "common/transport/curve_keys.h"
#include "common/transport/secure_dealer.h"
#include "tests/support/temp_dir.h"

namespace anpr::central::testing {

using namespace std::chrono_literals;

// Long enough for a loopback CURVE handshake and a commit on a busy box.
inline constexpr auto kPatience = 10s;
// How long "nothing arrives" checks wait.
inline constexpr auto kQuiet = 1500ms;

int64_t now_us();
inline constexpr int64_t kMinuteUs = 60'000'000;

using ScratchDir = ::anpr::testing::TempDir;

// Two sites in Latvia and Lithuania 30 km apart across the border, and one
// in Lithuania 200 km away, for crossing and impossible-travel tests.
inline constexpr const char* kSiteLv = "lv-grebneva";
inline constexpr const char* kSiteLt = "lt-zarasai";
inline constexpr const char* kSiteFar = "lt-kalvarija";
inline constexpr const char* kEdgeLv = "edge-lv-1";
inline constexpr const char* kEdgeLt = "edge-lt-1";

// An edge's complete sighting with a 3 KB plate patch.
v1::Sighting make_sighting(const std::string& plate, const std::string& edge_id, const std::string& site_id,
                           int64_t captured_at_us);

struct HarnessOptions {
  std::string listen_endpoint = "tcp://127.0.0.1:*";
  std::string batch_max_delay = "10ms";
  std::string extra_yaml;  // appended to the generated central.yaml
};

// A database, keys and a generated central.yaml; servers are started from it.
class CentralHarness {
 public:
  explicit CentralHarness(const std::string& test_name, HarnessOptions options = {});
  ~CentralHarness();

  // Starts the server on a thread and waits until it serves. The listen
  // endpoint of a restart is the one the first start bound.
  void start();
  // Sets the stop flag and waits for run() to return; rethrows its exception.
  void stop();

  const BoundEndpoints& endpoints() const { return endpoints_; }
  const Counters& counters() const { return server_->counters(); }
  const std::string& conninfo() const { return conninfo_; }
  // Where the servers started from this harness keep their evidence images.
  std::filesystem::path evidence_dir() const { return dir_.path() / "evidence"; }
  const transport::CurveKeyPair& server_keys() const { return server_keys_; }
  const transport::CurveKeyPair& edge_keys(const std::string& edge_id) const { return edge_keys_.at(edge_id); }
  const transport::CurveKeyPair& subscriber_keys(const std::string& agency) const {
    return subscriber_keys_.at(agency);
  }
  const std::filesystem::path& config_file() const { return config_file_; }

  // True when some log line of the server contains `text`.
  bool logged(const std::string& text) const;

  // Rows of `sql` (one bigint column) against the test database.
  int64_t count(const std::string& sql) const;

 private:
  std::string config_text() const;

  HarnessOptions options_;
  ScratchDir dir_;
  std::string conninfo_;
  transport::CurveKeyPair server_keys_;
  std::map<std::string, transport::CurveKeyPair> edge_keys_;
  std::map<std::string, transport::CurveKeyPair> subscriber_keys_;
  std::filesystem::path config_file_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> log_sink_;
  std::shared_ptr<spdlog::logger> logger_;
  std::string bound_listen_;
  std::unique_ptr<CentralServer> server_;
  std::atomic<bool> stop_flag_{false};
  std::thread thread_;
  std::exception_ptr failure_;
  BoundEndpoints endpoints_;
};

// Replies an edge got for its event ids.
struct Answers {
  std::set<std::string> acked;                   // event ids
  std::map<std::string, v1::Reject> rejected;    // by event id
  std::vector<v1::Reject> anonymous_rejects;     // naming no event
};

// One edge box: a SecureDealer with its enrolled key.
class EdgeClient {
 public:
  EdgeClient(const std::string& endpoint, const transport::CurveKeyPair& server_keys,
             const transport::CurveKeyPair& keys, std::size_t max_message_bytes = 1 << 20);

  // Sends one raw payload; false if the link did not take it in time.
  bool send_raw(const std::string& payload);
  // Wraps `sighting` in an envelope and sends it.
  bool send(const v1::Sighting& sighting);
  bool send_heartbeat(const v1::Heartbeat& heartbeat);

  // Reads replies for up to `timeout`, until `until` says it has enough.
  template <typename Done>
  void collect(std::chrono::milliseconds timeout, Done until);

  // Sends all of `sightings`, resending the unacked ones every `resend_after`
  // like an edge's spool, until every one is acked or rejected or `timeout`
  // passes. Returns true when all were answered.
  bool deliver_all(const std::vector<v1::Sighting>& sightings, std::chrono::milliseconds timeout,
                   std::chrono::milliseconds resend_after = 1s);

  Answers& answers() { return answers_; }

  // Times at which each event id was first acked.
  const std::map<std::string, std::chrono::steady_clock::time_point>& ack_times() const { return ack_times_; }

 private:
  void take(const v1::Envelope& reply);

  zmq::context_t context_;
  transport::SecureDealer dealer_;
  uint64_t next_message_id_ = 1;
  Answers answers_;
  std::map<std::string, std::chrono::steady_clock::time_point> ack_times_;
};

struct ReceivedAlert {
  std::string topic;
  v1::Alert alert;
};

// An agency's alert subscriber (CURVE SUB).
class AlertSubscriber {
 public:
  AlertSubscriber(const std::string& endpoint, const transport::CurveKeyPair& server_keys,
                  const transport::CurveKeyPair& keys, const std::string& topic);

  // The next alert, or nullopt after `timeout`.
  std::optional<ReceivedAlert> next(std::chrono::milliseconds timeout);

  // Alerts for `plate` arriving within `timeout` (other plates are skipped).
  std::vector<ReceivedAlert> for_plate(const std::string& plate, std::chrono::milliseconds timeout,
                                       std::size_t stop_after = SIZE_MAX);

 private:
  zmq::context_t context_;
  zmq::socket_t socket_;
};

// Waits for the subscription to take effect: ZeroMQ applies it
// asynchronously, so a sighting sent at once could be published first.
void settle_subscriptions();

// Runs `check` until it returns true or `timeout` passes.
template <typename Check>
bool eventually(std::chrono::milliseconds timeout, Check check) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!check()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

template <typename Done>
void EdgeClient::collect(std::chrono::milliseconds timeout, Done until) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!until() && std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto reply = dealer_.receive(std::min(left, std::chrono::milliseconds(50)));
    if (!reply) continue;
    v1::Envelope envelope;
    if (envelope.ParseFromString(*reply)) take(envelope);
  }
}

}  // namespace anpr::central::testing
