// What the engine reports for one plate in a frame: the one struct the edge
// daemon turns into a sighting and the CLIs into JSON.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace anpr::engine {

struct ReadCandidate {
  std::string text;   // normalised, A-Z 0-9
  double confidence;  // in [0, 1]
};

struct PlateRead {
  std::string text;     // the best candidate, normalised
  std::string display;  // as the plate's country writes it ("AB-1234")
  std::string country;  // ISO 3166-1 alpha-2; empty when no catalogued format fits
  double confidence = 0;
  cv::Rect box;                         // frame px, axis-aligned around the corners
  std::array<cv::Point2f, 4> corners;   // top-left, top-right, bottom-right, bottom-left
  std::vector<ReadCandidate> candidates;  // best first; candidates[0] is `text`
  bool eu_band = false;                 // a blue EU strip was seen at the left edge
  double validity = 0;                  // how well `text` fits its format (plate_rank.h), 0 when none
};

}  // namespace anpr::engine
