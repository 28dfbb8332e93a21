// The reads of one frame, one per plate. A plate can be a detection candidate
// more than once (found by its text row and by its light ground, or a group
// of its text and the whole row), and each candidate is read on its own; the
// engine reports one read of it.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/plate_read.h"

namespace anpr::engine {

// True when reads with these boxes are of one plate: half of the smaller box
// or more inside the other.
bool same_plate(const cv::Rect& a, const cv::Rect& b);

// `reads` with one read a plate, most confident first. Of two reads of one
// plate the one the identifier ranks higher is kept: confidence times
// validity (PlateRead::validity), as it ranks the texts of one cut, so a
// read that fits a tight format beats a surer one that fits a loose one
// (the `RUS` under a close Russian plate's region, found as a plate of its
// own and read surely as Latvian vanity text; `MOC` of `BR 16 MOC` at
// night, its county code faint). And a read that holds the other's text
// and more at its ends (reads_more_at_ends, the rule between the cuts of
// one candidate: `B144MOS` beside `144M`), of a box that overlaps the
// other's by a quarter of the smaller or more, is the whole plate where
// the other read a group of it: it is kept unless under kLongerCutShare of
// the other's confidence, as between cuts (plate_identifier.h).
std::vector<PlateRead> one_read_a_plate(std::vector<PlateRead> reads);

}  // namespace anpr::engine
