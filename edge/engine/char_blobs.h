// The first detection step: dark character-like blobs in a gray image.
// European plates print dark characters on a light ground, so a local
// (adaptive) threshold picks the strokes out whatever the lighting, day or
// IR night, and connected components of similar shape are what a plate's
// characters look like at any size. Blobs are only candidates: a plate is a
// row of them (text_lines.h).
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace anpr::engine {

struct BlobOptions {
  int min_height = 9;      // px; smaller characters cannot be read anyway
  int max_height = 90;     // px
  // Adaptive threshold window (odd, px) and how much darker than its mean a
  // stroke must be. A window about the height of a small plate's characters
  // keeps them apart where a larger one lets them run into the plate's edge,
  // and on a faint plate the dark surround inside a larger window pulls the
  // mean below the characters' gray. Of the night dash-cam plates, 31 px
  // found 84 % among the first four candidates and 21 px 90 %; with today's
  // ranking 21 px finds 94 %, 17 px 96.5 % (15 px 96.2 %). The half-size
  // search keeps large characters whole.
  int block_size = 17;
  double offset = 4.0;
  double max_aspect = 4.0; // width / height; above 1.1, characters run together
  // Characters touching a dark frame round them (a plate holder's, or the
  // plate's own set close to the text: Romanian, Croatian plates) are one
  // component with it on a small plate. Such a component is also cut apart
  // (framed_characters in char_blobs.cc) and its pieces offered as blobs.
  // Off for the detector's half-size pass: characters large enough for it
  // stand clear of their frame, and there the pieces made rows that
  // displaced a plate's own (docs/recognition.md, stop 25).
  bool free_framed = true;
};

// Bounding boxes of the dark blobs in `gray` (CV_8UC1) whose size, aspect and
// fill fit a plate character. Blobs touching the image edge are dropped: a
// character cut by the edge cannot be read.
std::vector<cv::Rect> char_blobs(const cv::Mat& gray, const BlobOptions& options);

// True when a blob of this box and pixel count could be one character.
bool is_char_shaped(const cv::Rect& box, int pixels, const BlobOptions& options);

}  // namespace anpr::engine
