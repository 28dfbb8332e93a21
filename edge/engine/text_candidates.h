// From per-character alternatives to whole-plate alternatives: the N most
// likely texts of a reading, scored as independent per-position choices.
// Kept apart from Tesseract so the combinatorics are tested with made-up
// readings.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "edge/engine/tesseract_reader.h"

namespace anpr::engine {

struct TextCandidate {
  std::string text;
  double confidence;  // geometric mean of the chosen characters' probabilities
};

// The `count` most probable texts of `positions` (rows of a plate
// concatenated), most probable first. A beam of width `count` is exact here
// because positions are independent: every top-N text's prefix is a top-N
// prefix. Empty when there are no positions.
std::vector<TextCandidate> best_texts(const LineReading& positions, std::size_t count);

}  // namespace anpr::engine
