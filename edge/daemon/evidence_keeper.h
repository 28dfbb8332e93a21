// The frames a camera's live tracks may still want as evidence. The tracker
// picks each track's best observation as it goes (best_frame.h), and the
// sighting needs that frame's pixels for its JPEGs when the track ends,
// seconds later. Keeping every frame would cost hundreds of megabytes at
// 1080p; keeping only the current best frame of each live track costs a few.
// Not thread-safe: owned by the camera's tracking step.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/track/tracker.h"

namespace anpr::daemon {

struct KeptFrame {
  cv::Mat image;
  std::chrono::system_clock::time_point captured_at;
};

class EvidenceKeeper {
 public:
  // Holds `frame` under `frame_index` until retain_only() drops it.
  void keep(std::uint64_t frame_index, KeptFrame frame);

  // The frame, or nullptr when it was not kept or has been dropped.
  const KeptFrame* find(std::uint64_t frame_index) const;

  // Drops every frame that is not the best frame of a track in `active`.
  void retain_only(const std::vector<track::ActiveTrack>& active);

  std::size_t size() const { return frames_.size(); }

 private:
  std::map<std::uint64_t, KeptFrame> frames_;
};

}  // namespace anpr::daemon
