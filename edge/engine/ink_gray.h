// The gray image the reader is given, made from a warped plate part in
// colour. Hungarian plates carry two round validity stickers, one above and
// one below the hyphen, and German ones two seals between district and
// letters; in plain gray they are as dark as a character and the reader
// takes the pair for one (`THE-156` read `THE8156`). Such pairs, and a lone
// sticker beside a hyphen (`ABQ-062`: a gray stamp under it), are painted
// over with the plate's ground before reading.
//
// Colour alone does not find them: under a dash-cam's colour cast the JPEG
// colour fringes of the ink are as coloured as a sticker. A sticker is
// round, filled, a fifth to a third of a character high, and has its twin
// stacked under or over it; a fringe is none of these.
#pragma once

#include <opencv2/core.hpp>

namespace anpr::engine {

// `bgr_part` (CV_8UC3, non-empty) as CV_8UC1 gray, with stickers replaced
// by the ground's gray. Throws EngineError for another type.
cv::Mat ink_gray(const cv::Mat& bgr_part);

}  // namespace anpr::engine
