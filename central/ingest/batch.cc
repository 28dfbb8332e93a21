// Batch gathering; see batch.h.
#include "central/ingest/batch.h"

#include <stdexcept>
#include <utility>

namespace anpr::ingest {

Batcher::Batcher(BatchLimits limits) : limits_(limits) {
  if (limits_.max_sightings == 0) throw std::invalid_argument("Batcher: max_sightings must be at least 1");
  pending_.reserve(limits_.max_sightings);
}

void Batcher::add(PendingSighting sighting, Clock::time_point now) {
  if (pending_.empty()) first_added_ = now;
  pending_.push_back(std::move(sighting));
}

bool Batcher::ready(Clock::time_point now) const {
  if (pending_.empty()) return false;
  return full() || now >= first_added_ + limits_.max_delay;
}

std::optional<Batcher::Clock::time_point> Batcher::deadline() const {
  if (pending_.empty()) return std::nullopt;
  return first_added_ + limits_.max_delay;
}

std::vector<PendingSighting> Batcher::take() {
  std::vector<PendingSighting> out;
  out.reserve(limits_.max_sightings);
  out.swap(pending_);
  return out;
}

}  // namespace anpr::ingest
