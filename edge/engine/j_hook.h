// I or J by the stroke's shape. The readers confuse the two both ways where
// a plate's font or spacing is not the one they learned (an `I` between
// wide gaps read `J`, `ILDI-35` read `ILDJ35`; a `J` read `I`), and no
// format tells them apart. A J's stroke ends in a hook to the left at its
// foot; an I has none, or serifs both ways. The character's own blob in the
// row it was read from says which, where the reader says where it read it.
#pragma once

#include <opencv2/core.hpp>

#include "edge/engine/tesseract_reader.h"

namespace anpr::engine {

enum class JHook { unknown, hook, none };

// Whether the character read between `first_column` and `last_column` of
// `gray_row` (CV_8UC1, dark text on a light ground) ends in J's hook: the
// dark blob there, as tall as a character and no wider, reaching at its
// foot well left of its upright stroke and not as far right. `unknown` where
// no such blob is found, where it does not stand on the line of the row's
// other characters (a J whose foot came apart, a J that descends), or where
// its stroke is not upright.
JHook j_hook(const cv::Mat& gray_row, int first_column, int last_column);

// For each character read `I` with `J` among its alternatives, or `J` with
// `I` or `1`, whose blob says the other (j_hook), the two alternatives'
// probabilities are swapped, so that the texts built from the reading put
// the shape's letter first at the reader's confidence. Characters without
// columns (ReadSymbol::first_column < 0) are left as read.
void settle_i_and_j(LineReading& reading, const cv::Mat& gray_row);

}  // namespace anpr::engine
