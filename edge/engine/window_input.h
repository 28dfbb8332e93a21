// A window cut from a frame as the input of a small classifier net: the strip
// classifier (band_classifier.h) and the candidate verifier
// (candidate_verifier.h) each cut theirs beside or round a quad, and both
// nets were trained on windows normalised the same way
// (tools/train/window_augment.py, window_input).
#pragma once

#include <opencv2/core.hpp>

#include "edge/engine/quad.h"

namespace anpr::engine {

// The pixels of `bgr` inside `quad`, upright, `size`. Warped at the quad's
// own scale, then shrunk by area: a perspective warp straight to a few dozen
// pixels would alias a large plate's strokes and code letters away.
cv::Mat cut_window(const cv::Mat& bgr, const Quad& quad, cv::Size size);

// `window` (8-bit BGR) as CV_32FC3, less its mean and divided by its
// deviation (at least 1), both over all channels: the net sees the pattern,
// not the exposure.
cv::Mat normalised_window(const cv::Mat& window);

}  // namespace anpr::engine
