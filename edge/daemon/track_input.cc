// Engine reads to tracker reads; see track_input.h.
#include "edge/daemon/track_input.h"

#include <algorithm>

namespace anpr::daemon {

track::FrameReads to_frame_reads(std::int64_t timestamp_us, std::uint64_t frame_index,
                                 const std::vector<engine::PlateRead>& reads) {
  track::FrameReads frame;
  frame.timestamp_us = timestamp_us;
  frame.frame_index = frame_index;
  for (const auto& read : reads) {
    if (read.text.empty() || read.box.width <= 0 || read.box.height <= 0) continue;
    track::PlateRead out;
    out.text = read.text;
    out.confidence = std::clamp(read.confidence, 0.0, 1.0);
    for (const auto& candidate : read.candidates) {
      out.candidates.push_back({candidate.text, std::clamp(candidate.confidence, 0.0, 1.0)});
    }
    out.box = {static_cast<double>(read.box.x), static_cast<double>(read.box.y),
               static_cast<double>(read.box.width), static_cast<double>(read.box.height)};
    for (std::size_t i = 0; i < 4; ++i) out.corners[i] = {read.corners[i].x, read.corners[i].y};
    out.country = read.country;
    out.country_confidence = read.country.empty() ? 0.0 : 1.0;
    frame.reads.push_back(std::move(out));
  }
  return frame;
}

}  // namespace anpr::daemon
