// Synthetic plates and scenes for the engine's tests: a light plate with a
// dark border and DIN characters (the typeface of most European plates),
// optionally with the blue EU strip and its country code, pasted rotated into a textured frame.
// Drawn in the test itself so every expectation is known exactly.
#pragma once

#include <string>

#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>

namespace anpr::engine::testing {

struct PlateStyle {
  int height = 44;        // px of the whole plate
  bool eu_band = true;
  std::string band_code;  // drawn white at the foot of the strip, e.g. "LV"; none when empty
  double roll_degrees = 0;
  // Px the text moves right per px upwards: a plate photographed from a
  // car's front corner slants up to about 0.5 (applied before the roll).
  double slant = 0;
  // Rows of text. 2: a Latvian square plate, 280 x 200 mm, the text before
  // its first space the top row, the rest the bottom row. 3: a Ukrainian
  // motorcycle plate, 220 x 170 mm, the text split at its first two spaces.
  int rows = 1;
  // Rows centred in the room right of the strip, as short Latvian plates
  // set them; left-aligned otherwise.
  bool centred = false;
  // Room between the strip (or the plate's edge) and the text, in text
  // heights; Ukrainian and Romanian plates set their first letter almost
  // against the strip.
  double text_gap = 0.2;
  // Fixed pitch: each character centred in a cell this many text heights
  // wide (Hungarian, Ukrainian, Spanish plates), so that an I stands between
  // wide gaps; 0 sets the font's own advances (DIN's way).
  double cell = 0;
  // A dark rule round a one-row plate's text, touching it above and below:
  // the frame of a plate holder, or a plate's own frame set close to the
  // text (Romanian, Croatian plates), as a small plate shows it.
  bool text_frame = false;
};

// The DIN typeface the plates are drawn in (fonts-opendin).
cv::Ptr<cv::freetype::FreeType2> din_font();

// The plate alone (CV_8UC3), 520 x 110 mm proportions (see PlateStyle::rows for the others).
cv::Mat render_plate(const std::string& text, const PlateStyle& style);

// A `size` frame of mottled gray road and car with the plate of `text`
// centred at `centre`; `outline` gets the plate's axis-aligned box.
cv::Mat render_scene(const std::string& text, const PlateStyle& style, cv::Size size, cv::Point centre,
                     cv::Rect* outline = nullptr);

// Draws a further plate into `scene` (for several plates a frame).
void paste_plate(cv::Mat& scene, const std::string& text, const PlateStyle& style, cv::Point centre,
                 cv::Rect* outline = nullptr);

}  // namespace anpr::engine::testing
