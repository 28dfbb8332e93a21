// A stand-in for the central server in the edge daemon tests: a real
// SecureRouter behind a real ZapAuthenticator on 127.0.0.1, answering like
// central does (an Ack per sighting, or a Reject for plates it is told to
// refuse), in a thread of its own. It records
// what arrived so tests can check counts, order and duplicates, and can be
// destroyed and made again on the same port to play an outage.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <zmq.hpp>

#include "anpr/v1/envelope.pb.h"
#include "common/transport/curve_keys.h"
#include "common/transport/secure_router.h"
#include "common/transport/zap_authenticator.h"

namespace anpr::testing {

class TestCentral {
 public:
  // Binds tcp://127.0.0.1:`port` with `server_keys`, admitting `allowed`.
  TestCentral(int port, const transport::CurveKeyPair& server_keys, transport::AllowList allowed);
  ~TestCentral();
  TestCentral(const TestCentral&) = delete;
  TestCentral& operator=(const TestCentral&) = delete;

  // Sightings of these plates (normalised) get a Reject with
  // REJECT_REASON_INVALID_FIELD instead of an Ack.
  void reject_plates(std::set<std::string> plates);

  std::vector<v1::Sighting> sightings() const;  // in arrival order, resends included
  std::size_t distinct_sightings() const;
  std::size_t heartbeats() const;
  v1::Heartbeat last_heartbeat() const;
  // Sightings that arrived again after their Ack or Reject had been sent.
  std::size_t received_after_answer() const;
  std::size_t rejects_sent() const;
  // Messages from peers the allow-list did not name as the sighting's edge.
  std::size_t foreign_messages() const;
  std::uint64_t refused() const { return authenticator_.refused(); }

 private:
  void run(std::stop_token stop);

  zmq::context_t context_;
  transport::ZapAuthenticator authenticator_;
  transport::SecureRouter router_;

  mutable std::mutex mutex_;
  std::vector<v1::Sighting> sightings_;
  std::set<std::string> reject_plates_;
  std::set<std::string> answered_;
  std::size_t received_after_answer_ = 0;
  std::size_t rejects_ = 0;
  std::size_t foreign_ = 0;
  std::vector<v1::Heartbeat> heartbeats_;
  std::jthread thread_;
};

// Polls `condition` every 50 ms until it holds (true) or `timeout` passes.
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace anpr::testing
