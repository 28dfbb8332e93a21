// The blue EU strip at a plate's left edge. Finding it says the plate is from
// an EU country (evidence against a Belarusian or Russian reading of the same
// characters), and it must be cut off before OCR: its country letters and
// stars otherwise come out as extra characters.
#pragma once

#include <opencv2/core.hpp>

namespace anpr::engine {

// Share of `bgr`'s pixels that are the saturated blue of the EU strip; 0 for
// an empty patch.
double blue_share(const cv::Mat& bgr);

// How many columns at the left of a rectified plate row (BGR) are mostly
// strip blue, i.e. where the text really starts.
int leading_blue_columns(const cv::Mat& bgr_row);

// Whether the patch left of a plate's first character is the EU strip.
bool is_eu_band(const cv::Mat& bgr_patch);

}  // namespace anpr::engine
