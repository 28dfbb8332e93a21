// Whose plate it is, from the strip at its left edge. Many texts fit the
// plates of more than one country (a Lithuanian personalised plate is a valid
// Latvian vanity plate; "233NO" is a Lithuanian motorcycle or a Latvian
// vanity plate), and only the strip's country code separates them. At plate
// sizes the code is a few pixels of white on blue (or light on gray under
// infrared), too small for thresholds (docs/recognition.md), so a small
// learned classifier (models/eu_band.onnx, tools/train/train_band.py) reads
// the strip as a whole: which country code it carries, or that there is none.
//
// The preprocessing here must stay identical to tools/train/window_augment.py:
// band_window's BGR patch, 72 x 40 px, normalised by its own mean
// and deviation over all channels, as a 1x3x40x72 blob.
//
// Not thread-safe (a cv::dnn::Net keeps per-inference buffers): one per
// worker, like CrnnReader.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include "edge/engine/quad.h"

namespace anpr::engine {

// Class k of the net; "" is a plate without a strip (or not a plate).
inline constexpr std::array<std::string_view, 11> kBandClasses = {"",   "LV", "LT", "EE", "PL", "FI",
                                                                  "DE", "SK", "CZ", "UA", "BY"};
inline constexpr int kBandWidth = 72;
inline constexpr int kBandHeight = 40;

// Where the strip of the plate whose lowest text row is `row` would be: from
// 2.5 character heights left of the row's start (short texts are centred,
// far from the strip) to 1.2 into it (on a gray infrared plate the dark
// strip is often taken for the row's first character), 0.45 heights above
// and below (the code sits low in the strip, so the lowest row of a two-row
// plate is the one beside it). BGR, upright, kBandWidth x kBandHeight.
cv::Mat band_window(const cv::Mat& bgr, const Quad& row);

// The net's input for a band_window patch: 1x3x40x72 CV_32F.
cv::Mat band_input(const cv::Mat& window);

struct BandReading {
  std::string country;  // a kBandClasses entry; "" for no strip
  double probability = 0;
};

class BandClassifier {
 public:
  // Throws EngineError when the model cannot be loaded or gives an output of
  // the wrong shape.
  explicit BandClassifier(const std::string& onnx_path);

  // The strip's most probable class. Throws EngineError for an image that is
  // not 8-bit BGR.
  BandReading classify(const cv::Mat& bgr, const Quad& row);

 private:
  BandReading classify_window(const cv::Mat& window);

  std::string path_;
  cv::dnn::Net net_;
};

// models/eu_band.onnx, found by model_files.h's rule.
std::string default_band_model();

}  // namespace anpr::engine
