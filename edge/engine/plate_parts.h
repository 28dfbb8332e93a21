// What the reader is given when it reads the whole plate rather than a text
// row the classical row-finder had to find: the plate outline (a crop as it
// is, or in a frame the plate a detected text row implies) and, for a plate
// that may have two rows, its top and bottom halves (thirds where the
// detector saw three rows). Reading whole plates spares the reader the
// row-finder's misses (no row found, one row of a two-row plate kept). The
// learned reader was trained on exactly these cuts (tools/train/
// plate_cuts.py; halves, not thirds), so the constants here and there must
// agree.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/quad.h"

namespace anpr::engine {

// A detected text row grown to the plate around it, in character heights:
// the EU strip and the plate's border at the left, border at the right,
// border above and below.
struct RowToPlate {
  float left = 0.6f, right = 0.3f, top = 0.25f, bottom = 0.25f;
};

// The same with room for a character the row-finder lost at the right end:
// a thin `I` or `1` run into the plate's border is no blob (`SB 90 TZI`
// read `SB90TZ`). The reader, never trained on this cut, is given it as
// well; a reading with the character wins over one without it
// (better_cut). ro-robertlucian frames 88.6 -> 90.8 %, 720p generated
// scenes 85.9 -> 86.9 %.
inline constexpr RowToPlate kRowToPlateBeyondRowEnd{0.6f, 0.7f, 0.25f, 0.25f};

// The same with room for characters the row-finder lost at either end.
// At the start: on a plate whose text starts right at the EU strip
// (Ukrainian, Romanian, Croatian, Hungarian 2022), a small or blurred first
// letter runs into the dark strip and makes no blob, so the row starts one
// or two characters late (`BX 7473 PC` read `X7473PC`, which fits the
// Austrian shape); 1.6 character heights hold the strip, a lost letter and
// most of a second. At the end: a Russian plate's region code stands in a
// box of its own past a rule, in smaller digits over `RUS`, and is no part
// of the row (`K707CE 95` read `K707CE`); 3.0 hold a three-digit region.
// The reader, never trained on this cut, reads what lies beside the plate
// as characters too; the engine hears this cut only where it reads more
// than the others. Generated scenes of six other countries' plates 91.5 ->
// 93.8 %, of six border and transit countries' 89.0 -> 92.2 % (Russian
// 61.8 -> 80.0 %), Croatian crops 95.0 -> 96.7 %, 1280x720 LV/LT scenes
// 93.0 -> 93.4 %, ro frames 94.3 -> 94.9 %; no set lost
// (docs/recognition.md, stop 22).
inline constexpr RowToPlate kRowToPlateForLostEnds{1.6f, 3.0f, 0.25f, 0.25f};

// Where that cut reads more, its room at the start grows by
// kLostEndsWidening character heights, at most kLostEndsWidenings times,
// while the reading grows at its start and nowhere else: two or three
// characters lost (a Hungarian 2022 plate's first pair, `MU PW-665` read
// `PW665`, then `UPW665`; a Romanian county code, `SB 90 TZI` read
// `90TZI`). Requiring growth at the start alone keeps a second read from
// trading the first's text for junk (`66HM186` -> `00OHM186`). Generated
// LV/LT crops, Ukrainian crops, Hungarian scenes and ro frames a plate
// each more, no set lost (docs/recognition.md, stop 22).
inline constexpr int kLostEndsWidenings = 2;
inline constexpr float kLostEndsWidening = 1.0f;

// The whole-plate cuts are read as the detector outlined them: the readers
// learned the slant of generated plates seen at an angle, and undoing a slant
// measured on every plate costs 2.5 points of generated 640x360 scenes (a
// `7`'s diagonal passes for a slant). Where a row slants at least this much
// (about 14 degrees) they are read once more with it undone, and better_cut
// keeps the better reading (a Ukrainian plate photographed from a car's
// corner, `AA754MX` -> `AA7564MX`).
inline constexpr double kUnslantedCutsFrom = 0.25;

// For a plate of two or three rows, room for a character more at either
// end of its rows: the rows of a Lithuanian `ZJT` over `906` were found as
// `ZJ` over `90`, the `T` and `6` run into the plate's border (read
// `ZJ90`). The text of such a plate is centred, so a lost character may be
// on either side.
// Generated 640x360 scenes 94.5 -> 95.0 % (that plate), nothing else moved;
// 4 % more instructions on 1280x720 frames.
inline constexpr RowToPlate kRowsToPlateBeyondRowEnds{1.0f, 1.0f, 0.25f, 0.25f};

// Plates squarer than this (width / height) may carry two rows of text.
constexpr float kTwoRowMaxAspect = 2.6f;

// The plate `row` (a tight text row) implies.
Quad plate_from_row(const Quad& row, const RowToPlate& grow = {});

// The plate of a detection of two or three rows: every row (top first) grown
// as plate_from_row does, joined into one quad along the top row's axes.
Quad plate_from_rows(const std::vector<Quad>& rows, const RowToPlate& grow = {});

// `plate` cut across into `count` bands of equal height, top first.
std::vector<Quad> plate_bands(const Quad& plate, int count);

// The ways to read `plate`, each a list of parts read top first and
// concatenated: the whole plate as one row and, where its aspect allows
// two rows, its halves; where the detector saw `rows_seen` rows (two or
// three), only that many bands.
std::vector<std::vector<Quad>> plate_layouts(const Quad& plate, int rows_seen);

// The gray pixels of `bgr` inside `part`, warped upright to `height` px
// with the part's aspect ratio, the slant `shear` undone (warp_quad).
cv::Mat warp_part(const cv::Mat& bgr, const Quad& part, int height, double shear = 0);

}  // namespace anpr::engine
