// Gathering accepted sightings into batches for the database. One commit per
// sighting would cap ingest at the database's commit rate; one commit per
// batch of up to `max_sightings`, or whatever arrived within `max_delay` of
// the first one, keeps both the per-sighting cost and the ack latency low.
// Each sighting remembers its connection and message so that the Ack (or
// Reject) after the commit reaches the edge that sent it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "anpr/v1/sighting.pb.h"

namespace anpr::ingest {

struct PendingSighting {
  std::string routing_id;  // the ROUTER connection to answer on
  std::string peer;        // the authenticated edge id
  uint64_t message_id = 0;
  v1::Sighting sighting;
};

struct BatchLimits {
  std::size_t max_sightings = 500;
  std::chrono::milliseconds max_delay{20};
};

class Batcher {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Batcher(BatchLimits limits);

  void add(PendingSighting sighting, Clock::time_point now);

  // True when the batch is full or its first sighting has waited max_delay.
  bool ready(Clock::time_point now) const;

  bool full() const { return pending_.size() >= limits_.max_sightings; }

  // When the current batch becomes ready by age; nullopt while empty.
  std::optional<Clock::time_point> deadline() const;

  bool empty() const { return pending_.empty(); }
  std::size_t size() const { return pending_.size(); }

  // The current batch, leaving this one empty.
  std::vector<PendingSighting> take();

 private:
  BatchLimits limits_;
  std::vector<PendingSighting> pending_;
  Clock::time_point first_added_{};
};

}  // namespace anpr::ingest
