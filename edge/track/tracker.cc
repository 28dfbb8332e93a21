// Track life cycle and emission; see tracker.h. Each update runs the same
// steps in the same order: end tracks lost for max_gap, cut tracks that
// reached max_track_duration, associate the frame's reads, emit strong
// tracks early, then bring the rearm memory up to date.
#include "edge/track/tracker.h"

#include <algorithm>
#include <span>
#include <utility>

#include "common/plate/ocr_equivalence.h"
#include "edge/track/association.h"
#include "edge/track/best_frame.h"
#include "edge/track/motion.h"
#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

constexpr double kMicrosPerSecond = 1e6;

std::span<const Observation> latest(const std::vector<Observation>& observations, std::size_t count) {
  const std::size_t n = std::min(count, observations.size());
  return std::span(observations).subspan(observations.size() - n, n);
}

}  // namespace

std::string_view to_string(EmitReason reason) {
  switch (reason) {
    case EmitReason::early:
      return "early";
    case EmitReason::gap:
      return "gap";
    case EmitReason::duration:
      return "duration";
    case EmitReason::flush:
      return "flush";
  }
  return "unknown";
}

Tracker::Tracker(TrackerOptions options) : options_(std::move(options)) { validate(options_); }

std::vector<TrackResult> Tracker::update(const FrameReads& frame) {
  const std::int64_t now = frame.timestamp_us;
  if (last_frame_us_ && now < *last_frame_us_) {
    throw TrackError("frame " + std::to_string(frame.frame_index) + " at " + std::to_string(now) +
                     " us is older than the previous frame at " + std::to_string(*last_frame_us_) + " us");
  }
  std::vector<Observation> reads = observations_of(frame);
  last_frame_us_ = now;

  std::vector<TrackResult> results;
  end_lost_tracks(now, results);
  cut_long_tracks(now, results);
  absorb(std::move(reads), now);
  emit_early(now, results);
  remember_decided_tracks(now);
  return results;
}

std::vector<TrackResult> Tracker::flush() {
  std::vector<TrackResult> results;
  for (Track& track : tracks_) {
    if (auto result = close(track, EmitReason::flush)) results.push_back(std::move(*result));
  }
  tracks_.clear();
  return results;
}

std::vector<ActiveTrack> Tracker::active() const {
  std::vector<ActiveTrack> out;
  for (const Track& track : tracks_) {
    ActiveTrack view{track.id, track.observations.size(), std::nullopt, track.decision == Decision::emitted};
    if (!track.observations.empty()) {
      view.best_frame_index = track.observations[best_observation(track.observations)].frame_index;
    }
    out.push_back(view);
  }
  return out;
}

std::size_t Tracker::pending_count() const {
  return static_cast<std::size_t>(std::ranges::count_if(tracks_, [&](const Track& track) {
    return track.decision == Decision::open && track.observations.size() >= options_.min_frames;
  }));
}

void Tracker::end_lost_tracks(std::int64_t now_us, std::vector<TrackResult>& results) {
  std::vector<Track> live;
  for (Track& track : tracks_) {
    if (std::chrono::microseconds(now_us - track.last_seen_us) <= options_.max_gap) {
      live.push_back(std::move(track));
    } else if (auto result = close(track, EmitReason::gap)) {
      results.push_back(std::move(*result));
    }
  }
  tracks_ = std::move(live);
}

// The track goes on under a new id with its motion history, so the plate
// keeps being followed; only its reads start afresh.
void Tracker::cut_long_tracks(std::int64_t now_us, std::vector<TrackResult>& results) {
  for (Track& track : tracks_) {
    if (std::chrono::microseconds(now_us - track.segment_start_us) < options_.max_track_duration) continue;
    if (auto result = close(track, EmitReason::duration)) results.push_back(std::move(*result));
    track.id = next_id_++;
    track.segment_start_us = now_us;
    track.observations.clear();
    track.decision = Decision::open;
    track.key.clear();
  }
}

void Tracker::absorb(std::vector<Observation> reads, std::int64_t now_us) {
  std::vector<TrackCue> cues;
  for (const Track& track : tracks_) {
    TrackCue cue;
    cue.predicted = fit_motion(latest(track.recent, options_.motion_history)).at(now_us);
    cue.seconds_since_seen = static_cast<double>(now_us - track.last_seen_us) / kMicrosPerSecond;
    for (const Observation& o : latest(track.recent, options_.text_history)) cue.recent_texts.push_back(o.read.text);
    cues.push_back(std::move(cue));
  }
  std::vector<bool> joined(reads.size());
  for (const Pairing& pairing : associate(cues, reads, options_.association)) {
    add(tracks_[pairing.track], std::move(reads[pairing.read]));
    joined[pairing.read] = true;
  }
  for (std::size_t r = 0; r < reads.size(); ++r) {
    if (joined[r]) continue;
    Track track;
    track.id = next_id_++;
    track.lineage = track.id;
    track.segment_start_us = now_us;
    add(track, std::move(reads[r]));
    tracks_.push_back(std::move(track));
  }
}

void Tracker::add(Track& track, Observation observation) {
  track.last_seen_us = observation.timestamp_us;
  track.recent.push_back(observation);
  const std::size_t keep = std::max(options_.motion_history, options_.text_history);
  if (track.recent.size() > keep) track.recent.erase(track.recent.begin());
  track.observations.push_back(std::move(observation));
}

void Tracker::emit_early(std::int64_t now_us, std::vector<TrackResult>& results) {
  if (!options_.max_delay) return;
  for (Track& track : tracks_) {
    if (track.decision != Decision::open || track.observations.size() < options_.early_min_frames) continue;
    if (std::chrono::microseconds(now_us - track.segment_start_us) < *options_.max_delay) continue;
    Vote early_vote = vote(track.observations, options_.voter);
    if (early_vote.confidence < options_.early_min_confidence) continue;
    if (auto result = conclude(track, EmitReason::early, std::move(early_vote))) results.push_back(std::move(*result));
  }
}

// A decided track that is still being seen keeps its pass open: a repeat
// of its text must come within rearm_interval of its latest read, not of
// the moment it was decided. Emissions too old to matter to any track that
// can still be decided are dropped: a segment's first read is at most
// max_track_duration old.
void Tracker::remember_decided_tracks(std::int64_t now_us) {
  for (const Track& track : tracks_) {
    if (track.decision == Decision::open) continue;
    Emission& emission = emissions_[track.key];
    emission.last_seen_us = std::max(emission.last_seen_us, track.last_seen_us);
  }
  const std::chrono::microseconds horizon = options_.max_track_duration + options_.rearm_interval;
  std::erase_if(emissions_, [&](const auto& entry) {
    return std::chrono::microseconds(now_us - entry.second.last_seen_us) > horizon;
  });
}

std::optional<TrackResult> Tracker::close(Track& track, EmitReason reason) {
  if (track.decision != Decision::open || track.observations.size() < options_.min_frames) return std::nullopt;
  return conclude(track, reason, vote(track.observations, options_.voter));
}

std::optional<TrackResult> Tracker::conclude(Track& track, EmitReason reason, Vote verdict) {
  if (verdict.confidence < options_.min_confidence) return std::nullopt;
  std::string key = plate::ocr_canonical_key(verdict.text);
  if (repeats_emission(track, key)) {
    Emission& emission = emissions_[key];
    emission.last_seen_us = std::max(emission.last_seen_us, track.last_seen_us);
    track.decision = Decision::suppressed;
    track.key = std::move(key);
    ++suppressed_;
    return std::nullopt;
  }
  emissions_[key] = {track.lineage, track.last_seen_us};
  track.decision = Decision::emitted;
  track.key = std::move(key);

  const std::size_t best = best_observation(track.observations);
  TrackResult result;
  result.track_id = track.id;
  result.reason = reason;
  result.vote = std::move(verdict);
  result.first_seen_us = track.observations.front().timestamp_us;
  result.last_seen_us = track.observations.back().timestamp_us;
  result.best = track.observations[best];
  result.best_index = best;
  result.direction = estimate_direction(track.observations, options_.direction);
  return result;
}

// A cut track's later segments share its lineage and are never repeats of
// it: reporting a parked car periodically is the point of cutting.
bool Tracker::repeats_emission(const Track& track, const std::string& key) const {
  const auto found = emissions_.find(key);
  if (found == emissions_.end() || found->second.lineage == track.lineage) return false;
  const std::int64_t first_seen = track.observations.front().timestamp_us;
  return std::chrono::microseconds(first_seen - found->second.last_seen_us) <= options_.rearm_interval;
}

}  // namespace anpr::track
