// Choosing a track's evidence frame; see best_frame.h.
#include "edge/track/best_frame.h"

#include <cmath>

#include "edge/track/track_error.h"

namespace anpr::track {

double evidence_score(const PlateRead& read) {
  return std::sqrt(read.box.width * read.box.height) * read.confidence * read.sharpness.value_or(1.0);
}

std::size_t best_observation(std::span<const Observation> observations) {
  if (observations.empty()) throw TrackError("cannot choose the best observation of a track without observations");
  std::size_t best = 0;
  for (std::size_t i = 1; i < observations.size(); ++i) {
    if (evidence_score(observations[i].read) > evidence_score(observations[best].read)) best = i;
  }
  return best;
}

}  // namespace anpr::track
