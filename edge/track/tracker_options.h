// Tunables of the tracker, with the defaults the edge daemon runs with; the
// reasons for each default are in docs/tracking.md. Durations are in frame
// time, not wall-clock time.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

#include "edge/track/association.h"
#include "edge/track/direction.h"
#include "edge/track/voter.h"

namespace anpr::track {

struct TrackerOptions {
  // A track not seen for longer than this has ended: long enough to bridge
  // a few missed detections or a passing occlusion, short enough that the
  // sighting is not held back for long after the car has gone.
  std::chrono::microseconds max_gap{std::chrono::seconds(1)};

  // A track seen this long is cut into a new one, so a parked car yields a
  // result every max_track_duration instead of none until it leaves.
  std::chrono::microseconds max_track_duration{std::chrono::seconds(8)};

  // When set, a track this old with at least early_min_frames reads and a
  // vote of at least early_min_confidence is emitted at once instead of when
  // it ends; later reads no longer change what was sent. Lower latency for
  // alerts at the price of deciding on fewer reads.
  std::optional<std::chrono::microseconds> max_delay{std::chrono::seconds(2)};
  std::size_t early_min_frames = 5;
  double early_min_confidence = 0.8;

  // A new track whose text has the same OCR canonical key as a track emitted
  // earlier at this camera, and that was first seen at most this long after
  // that track was last seen, is suppressed as the same pass: the plate was
  // hidden for longer than max_gap (a truck in the next lane), not gone.
  std::chrono::microseconds rearm_interval{std::chrono::seconds(3)};

  // A track is only emitted with at least this many reads and a vote of at
  // least this confidence: one-off reads of signs, wheels and lettering on
  // trucks never gather enough of either.
  std::size_t min_frames = 3;
  double min_confidence = 0.5;

  // How many of a track's latest observations the motion model fits and
  // the text gate compares against.
  std::size_t motion_history = 5;
  std::size_t text_history = 5;

  AssociationOptions association;
  VoterOptions voter;
  DirectionOptions direction;
};

// Throws TrackError naming the first option that is out of range or
// inconsistent with another.
void validate(const TrackerOptions& options);

}  // namespace anpr::track
