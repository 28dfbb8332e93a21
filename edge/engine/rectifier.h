// The second pipeline stage: each text row of a detected plate warped into an
// upright gray strip of fixed height, the form the reader wants. It undoes the
// roll the detector measured, the slant that yaw and camera pitch put into the
// characters (found by the shear that makes strokes most vertical), and cuts
// the EU strip off, remembering that it saw one.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/plate_detector.h"

namespace anpr::engine {

struct RectifierOptions {
  int row_height = 48;     // px of the output strip, margins included
  // Around the text, in character heights. Little at the sides: the plate's
  // edge, screws and the EU strip lie there and come out as extra letters.
  double margin_x = 0.15;
  double margin_y = 0.25;
  // tan of the steepest slant corrected (about 31 degrees): a plate yawed and
  // rolled, photographed from a car's front corner, slants up to about 0.55.
  double max_shear = 0.6;
};

struct RectifiedPlate {
  std::vector<cv::Mat> rows;  // CV_8UC1, row_height high, top row first
  bool eu_band = false;
  double shear = 0;  // the steepest slant undone among the rows (estimate_shear)
};

// `detection` (frame coordinates) cut out of `bgr` (CV_8UC3).
RectifiedPlate rectify(const cv::Mat& bgr, const PlateDetection& detection, const RectifierOptions& options);

// The shear s (x' = x + s * (y - centre)) in [-max_shear, max_shear] that
// makes the dark strokes of `gray_row` most vertical.
double estimate_shear(const cv::Mat& gray_row, double max_shear);

}  // namespace anpr::engine
