// Turns the reads of one track into one plate: text, country and how sure we
// are. Each read votes per character with its confidence times the format
// validity of what it read (common/plate/plate_rank.h), so a read that fits
// a real plate format outweighs an equally confident one that fits none,
// and a track read correctly in no single frame (a different character wrong
// each time) still yields the right text. Reads of another length than most
// (a character lost at the plate's edge, a bolt read as "I") are aligned to
// the best read of the common length by OCR-aware edit distance and vote
// only where they align.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "edge/track/observation.h"

namespace anpr::track {

struct VoterOptions {
  // How many candidates a vote lists, the chosen text included.
  std::size_t max_candidates = 5;
  // An engine's alternative readings vote with their confidence times this:
  // they are evidence, but weaker than what the engine picked.
  double alternative_weight = 0.5;
  // A character that is not the winner at its position but has at least
  // this share of the votes there makes a candidate text (the winner with
  // that one character swapped), so central sees the close alternatives.
  double min_runner_up_share = 0.2;
  // The site's country hints for plate ranking (plate_rank.h).
  std::vector<std::string> country_hints;
};

struct ScoredText {
  std::string text;
  double score = 0.0;
};

struct Vote {
  std::string text;     // normalised
  std::string display;  // as the country prints it
  std::string country;  // empty when neither the reads nor the text say
  // Agreement of the reads with `text` (the mean, over its characters, of
  // the vote share the character won) times the reads' mean confidence.
  double confidence = 0.0;
  // The winner's share of the country votes, each read voting with its
  // confidence times its country confidence.
  double country_confidence = 0.0;
  // `text` first, then the alternatives by score; scores are computed
  // like `confidence`.
  std::vector<ScoredText> candidates;
  std::size_t frames_seen = 0;
};

// Votes over `observations`. Throws TrackError when there are none.
Vote vote(std::span<const Observation> observations, const VoterOptions& options);

// Throws TrackError naming the first option that is out of range.
void validate(const VoterOptions& options);

}  // namespace anpr::track
