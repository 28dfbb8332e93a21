// How anpr-eval scores engine output against ground truth, as pure functions
// so the rules are tested and stated in one place:
//  - found: a reported plate overlaps the truth box (IoU >= 0.3, or one box's
//    centre inside the other); without a box, any plate reported at all;
//  - top-1: the text of the best such plate equals the truth, separators
//    ignored; without boxes an image with k labelled plates offers its k most
//    confident reads;
//  - top-N: the truth is among that plate's candidates;
//  - country: of found plates whose truth names a country, the share whose
//    compared read reports that country.
// A '?' in the truth is a character the dataset itself hid (uc3m-lp paints a
// gray box over it): it matches any one character, or none, since the engine
// cannot see a character under the paint and may honestly skip it. German
// umlauts in the truth count as their base letter.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_read.h"

namespace anpr::engine {

// `read` (normalised) against `truth` as written (separators, '?').
bool text_matches(std::string_view truth, std::string_view read);

bool box_matches(const cv::Rect& truth, const cv::Rect& reported);

struct PlateOutcome {
  bool found = false;
  bool top1 = false;
  bool topn = false;
  std::string read;  // the text compared with the truth; empty when none
  std::string read_country;  // that read's country
  bool country_known = false;  // found, and the truth names a country
  bool country_right = false;  // ... which the compared read reports
};

// One outcome per entry of `truths` (all rows of one image), given that
// image's reads, most confident first.
std::vector<PlateOutcome> score_image(std::span<const TruthPlate> truths, std::span<const PlateRead> reads);

struct Tally {
  std::size_t plates = 0, found = 0, top1 = 0, topn = 0, country_known = 0, country_right = 0;
  void add(const PlateOutcome& outcome);
};

// `part` of `whole` as the scoring tools' tables print it: " 12.3%" (0 when
// `whole` is 0).
std::string percent(std::size_t part, std::size_t whole);

// The q-quantile (0..1) of `values` by nearest rank; 0 when empty.
double percentile(std::vector<double> values, double q);

}  // namespace anpr::engine
