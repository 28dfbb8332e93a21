// Server counters; see counters.h.
#include "central/server/counters.h"

#include "central/ingest/triage.h"

namespace anpr::central {

std::uint64_t Counters::refused_total() const {
  std::uint64_t total = 0;
  for (const auto& n : refused) total += n.load();
  return total;
}

std::string Counters::summary() const {
  std::string out = "messages=" + std::to_string(messages.load()) + " sightings=" + std::to_string(sightings.load()) +
                    " heartbeats=" + std::to_string(heartbeats.load()) + " stored=" + std::to_string(stored.load()) +
                    " duplicates=" + std::to_string(duplicates.load()) + " acks=" + std::to_string(acks_sent.load()) +
                    " deferred=" + std::to_string(deferred.load()) + " batches=" + std::to_string(batches.load()) +
                    " batches_failed=" + std::to_string(batches_failed.load()) +
                    " crossings=" + std::to_string(crossings.load()) + " alerts=" + std::to_string(alerts.load()) +
                    " refused=" + std::to_string(refused_total());
  for (std::size_t i = 0; i < refused.size(); ++i) {
    if (refused[i].load() == 0) continue;
    std::string name(ingest::reason_name(static_cast<v1::RejectReason>(i)));
    for (char& ch : name) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    out += " refused_" + name + "=" + std::to_string(refused[i].load());
  }
  return out;
}

}  // namespace anpr::central
