// What the running server has done, for its periodic stats line and for the
// tests that check a message was counted rather than silently lost. Written
// by the server's threads, read from anywhere.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "anpr/v1/delivery.pb.h"

namespace anpr::central {

struct Counters {
  std::atomic<std::uint64_t> messages{0};    // received from admitted edges
  std::atomic<std::uint64_t> sightings{0};   // accepted into a batch
  std::atomic<std::uint64_t> heartbeats{0};
  std::array<std::atomic<std::uint64_t>, v1::RejectReason_ARRAYSIZE> refused{};  // by Reject reason
  std::atomic<std::uint64_t> stored{0};      // new rows committed
  std::atomic<std::uint64_t> duplicates{0};  // replays acked again
  std::atomic<std::uint64_t> acks_sent{0};
  std::atomic<std::uint64_t> acks_undeliverable{0};  // the edge left before its ack
  std::atomic<std::uint64_t> deferred{0};    // sightings left unacked: database behind or down
  std::atomic<std::uint64_t> batches{0};     // committed
  std::atomic<std::uint64_t> batches_failed{0};  // dropped unacked on a permanent error
  std::atomic<std::uint64_t> crossings{0};
  std::atomic<std::uint64_t> alerts{0};      // stored and handed to the publisher

  std::uint64_t refused_total() const;

  // "messages=.. sightings=.. ..." for the stats log line.
  std::string summary() const;
};

}  // namespace anpr::central
