// Best-frame retention for live tracks; see evidence_keeper.h.
#include "edge/daemon/evidence_keeper.h"

#include <set>

namespace anpr::daemon {

void EvidenceKeeper::keep(std::uint64_t frame_index, KeptFrame frame) {
  frames_.insert_or_assign(frame_index, std::move(frame));
}

const KeptFrame* EvidenceKeeper::find(std::uint64_t frame_index) const {
  auto it = frames_.find(frame_index);
  return it == frames_.end() ? nullptr : &it->second;
}

void EvidenceKeeper::retain_only(const std::vector<track::ActiveTrack>& active) {
  std::set<std::uint64_t> wanted;
  for (const auto& track : active) {
    if (track.best_frame_index) wanted.insert(*track.best_frame_index);
  }
  std::erase_if(frames_, [&](const auto& entry) { return !wanted.contains(entry.first); });
}

}  // namespace anpr::daemon
