// Which read of a new frame continues which track. A read may join a track
// only when it passes two gates: it is where the track's motion model expects
// the plate (within a radius measured in plate widths that widens with the
// time since the track was last seen) at about the expected size, and its
// text is close to what the track has recently read (OCR-aware edit
// distance, so 8/B or one misread character still joins). Two plates side
// by side fail the position gate, since lanes are many plate widths apart;
// two plates close together in the image fail the text gate. Among the pairs
// that pass, the cheapest are matched first, each track and each read at
// most once per frame.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "edge/track/observation.h"

namespace anpr::track {

struct AssociationOptions {
  // Gate radius around the predicted centre, in plate widths, right after
  // the track was seen...
  double position_gate = 1.5;
  // ...plus this many plate widths per second since, because the
  // constant-velocity guess drifts while a plate is hidden.
  double gate_growth_per_second = 3.0;
  // The read's width may differ from the predicted width by at most this
  // factor either way...
  double max_size_ratio = 1.6;
  // ...or this one when the read's text is exactly one the track read
  // recently, at least kSameTextMinLength characters long: one plate text
  // is not two vehicles at once, and the detector's outline for a frame can
  // be off by more than 1.6 (a row that took in the plate's frame: 96 px
  // wide, then 59 px for the next frame's tight row, in the demo's video).
  double same_text_size_ratio = 2.5;
  // The largest text_distance to any of the track's recent reads. 0.4 lets
  // a 6-character plate with two characters misread join (2/6), keeps out
  // plates sharing fewer than about half their characters.
  double max_text_distance = 0.4;
};

// What the gates need to know about one live track.
struct TrackCue {
  Box predicted;          // the motion model's box at the frame's time
  double seconds_since_seen = 0.0;
  std::vector<std::string> recent_texts;  // the last few reads, any order
};

inline constexpr std::size_t kSameTextMinLength = 4;

// The cost of `read` joining `cue`'s track, in [0, 2] (position and text
// each contribute their share of their gate), or nullopt when a gate
// refuses it.
std::optional<double> association_cost(const TrackCue& cue, const PlateRead& read,
                                       const AssociationOptions& options);

struct Pairing {
  std::size_t track;  // index into the cues
  std::size_t read;   // index into the reads
};

// Greedy cheapest-first matching of `reads` to `cues`. On equal cost the
// lower track index, then the lower read index, wins, so the result is
// deterministic.
std::vector<Pairing> associate(std::span<const TrackCue> cues, std::span<const Observation> reads,
                               const AssociationOptions& options);

// Throws TrackError naming the first option that is out of range.
void validate(const AssociationOptions& options);

}  // namespace anpr::track
