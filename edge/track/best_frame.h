// Which observation of a track is the best evidence of the plate: the one
// the daemon cuts the plate patch and overview image from. Bigger plates
// carry more pixels per character, confident reads are ones a person can
// check against the image, and a motion-blurred frame is useless in court
// however large the plate. The score depends on the observation alone, so
// the daemon can keep just the current best frame of each live track and
// drop the others as frames arrive.
#pragma once

#include <cstddef>
#include <span>

#include "edge/track/observation.h"

namespace anpr::track {

// sqrt(box area) x confidence x sharpness (1 when not measured). Linear in
// plate size, so a plate twice as wide outweighs a read 1.5 times as
// confident, but not one twice as confident.
double evidence_score(const PlateRead& read);

// Index of the highest evidence_score in `observations`, the earliest on a
// tie. Throws TrackError when `observations` is empty.
std::size_t best_observation(std::span<const Observation> observations);

}  // namespace anpr::track
