// The tracker of one camera: follows each plate across frames and yields
// exactly one result per vehicle pass instead of one per frame. Reads join
// tracks by position and text (association.h); a track ends when it has not
// been seen for max_gap, is cut every max_track_duration so a parked car is
// reported periodically, and may be emitted early once it is max_delay old
// and its vote is strong. Its reads are then voted into one text
// (voter.h), its motion into a direction (direction.h) and one observation
// is picked as evidence (best_frame.h). A track that repeats the text of one
// emitted shortly before at this camera is suppressed as the same pass.
//
// Deterministic: no clock is read, all time comes from the frames, so a
// scripted sequence of frames always gives the same results. Not thread-safe;
// one Tracker per camera, fed in frame order.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/track/direction.h"
#include "edge/track/observation.h"
#include "edge/track/tracker_options.h"
#include "edge/track/voter.h"

namespace anpr::track {

enum class EmitReason {
  early,     // max_delay reached with a strong vote; the track lives on
  gap,       // not seen for max_gap
  duration,  // max_track_duration reached; the plate is still in view
  flush,     // the caller ended all tracks (shutdown)
};

std::string_view to_string(EmitReason reason);

// One vehicle pass: what the daemon turns into a Sighting.
struct TrackResult {
  // Unique per Tracker; a track cut by max_track_duration continues under a
  // new id, so every result has its own.
  std::uint64_t track_id = 0;
  EmitReason reason = EmitReason::gap;
  Vote vote;  // text, display, country, confidences, candidates, frames_seen
  std::int64_t first_seen_us = 0;
  std::int64_t last_seen_us = 0;
  // The evidence observation (its timestamp, frame index, box and corners)
  // and its position among the track's observations, oldest first.
  Observation best;
  std::size_t best_index = 0;
  DirectionEstimate direction;
};

// A live track as the daemon needs to see it to keep evidence frames: after
// each update it keeps the frame whose index is a live track's
// best_frame_index and may drop the others.
struct ActiveTrack {
  std::uint64_t track_id = 0;
  std::size_t frames_seen = 0;
  std::optional<std::uint64_t> best_frame_index;  // none before the first read
  bool emitted = false;
};

class Tracker {
 public:
  // Throws TrackError when the options do not validate.
  explicit Tracker(TrackerOptions options);

  // Feeds one frame (frames without reads too: time passing ends tracks).
  // Returns the results emitted at this frame, in track order. Throws
  // TrackError for a frame older than the previous one or an invalid read.
  std::vector<TrackResult> update(const FrameReads& frame);

  // Ends every live track, emitting those that qualify. For shutdown, or
  // when the camera stops delivering frames.
  std::vector<TrackResult> flush();

  std::vector<ActiveTrack> active() const;

  // Live tracks with enough reads to be reported when they end (they may
  // still fall short on confidence): the vehicles a shutdown now would
  // flush.
  std::size_t pending_count() const;

  // How many tracks were suppressed as repeats of an emitted one.
  std::uint64_t suppressed_count() const { return suppressed_; }

 private:
  enum class Decision { open, emitted, suppressed };

  struct Track {
    std::uint64_t id = 0;
    std::uint64_t lineage = 0;  // id of the first segment of a cut track
    std::int64_t segment_start_us = 0;
    std::int64_t last_seen_us = 0;
    std::vector<Observation> observations;  // this segment's, oldest first
    std::vector<Observation> recent;        // latest few across segments
    Decision decision = Decision::open;
    std::string key;  // canonical key of the decided text
  };

  // The latest emitted pass of one canonical key, for rearm suppression.
  struct Emission {
    std::uint64_t lineage = 0;
    std::int64_t last_seen_us = 0;
  };

  void end_lost_tracks(std::int64_t now_us, std::vector<TrackResult>& results);
  void cut_long_tracks(std::int64_t now_us, std::vector<TrackResult>& results);
  void absorb(std::vector<Observation> reads, std::int64_t now_us);
  void emit_early(std::int64_t now_us, std::vector<TrackResult>& results);
  void remember_decided_tracks(std::int64_t now_us);

  std::optional<TrackResult> close(Track& track, EmitReason reason);
  std::optional<TrackResult> conclude(Track& track, EmitReason reason, Vote verdict);
  bool repeats_emission(const Track& track, const std::string& key) const;
  void add(Track& track, Observation observation);

  TrackerOptions options_;
  std::vector<Track> tracks_;
  std::map<std::string, Emission> emissions_;
  std::optional<std::int64_t> last_frame_us_;
  std::uint64_t next_id_ = 1;
  std::uint64_t suppressed_ = 0;
};

}  // namespace anpr::track
