// Whether a plate shows a hyphen between its characters. The reader reads
// letters and digits only, so `F-665` and `F665` are one text; but a Latvian
// plate prints the hyphen (`AB-1234`, trailers `F-665`) and a Lithuanian one
// never does (`ABC 123`, personalised `CC83`), which is what tells the two
// apart when the strip's code is too small to read and the text fits both.
//
// A hyphen is a short, flat, solid dark bar at the middle of the character
// row, in a gap: characters close on both sides, no other ink above or below
// it. Broken strokes of a blurred character and dirt are narrower (at most
// a quarter of a character's height wide, measured on the Romanian and
// Spanish tuning plates) or have ink above or below them.
#pragma once

#include <opencv2/core.hpp>

namespace anpr::engine {

// `gray_plate` (CV_8UC1, one row of dark characters on a light ground, the
// plate's outline or a little more). Throws EngineError for another type.
bool has_hyphen(const cv::Mat& gray_plate);

}  // namespace anpr::engine
