// How plate-like a row (or pair of rows) of character blobs looks. Street
// scenes are full of blob rows (the gaps between tail lights, railings, shop
// signs); plates have 5-8 characters of even height, clearly darker than
// their ground, covering a fifth to a half of the box around them, and
// standing apart (a row of a few wide blobs counted as many characters is
// mostly blurred lights, grilles or a plate's dark frame). The
// detector reads only its best-scored candidates, so this ranking decides
// both recall and speed. (Checking that the light ground continues above and
// below the text was tried: at night-time plate sizes those strips are within
// the blur of the characters, and it ranked real plates down.)
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/text_lines.h"

namespace anpr::engine {

// The two Otsu classes of the pixels under a row: the plate's ground
// (light), the text's ink (dark), and the ink's share of the row's box.
struct RowGround {
  double light = 0, dark = 0;
  double dark_share = 0;
};

RowGround row_ground(const cv::Mat& gray, const TextLine& row);

// In [0, 1]: how the rows of one candidate plate, with their grounds
// (row_ground, one a row, in order), look like a plate's text. Each factor
// is floored so one bad cue lowers the rank instead of vetoing the
// candidate. A row of fewer than five characters ranks lower unless
// `short_plate` (the detector's finding that it is all of a short plate's
// text).
double plate_likeness(const std::vector<const TextLine*>& rows, const std::vector<RowGround>& grounds,
                      bool short_plate = false);

// True when plain ground, as light as the row's own (`ground`) and without
// ink, continues past both ends of `row`: a short plate (a Latvian `GG` or
// `AB-1`) is as wide as any other, its text set in the middle.
bool plain_ground_beside(const cv::Mat& gray, const TextLine& row, const RowGround& ground);

}  // namespace anpr::engine
