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
  int block_size = 31;     // adaptive threshold window, odd, px
  double offset = 6.0;     // a stroke must be this much darker than its window's mean
  double max_aspect = 4.0; // width / height; above 1.1, characters run together
};

// Bounding boxes of the dark blobs in `gray` (CV_8UC1) whose size, aspect and
// fill fit a plate character. Blobs touching the image edge are dropped: a
// character cut by the edge cannot be read.
std::vector<cv::Rect> char_blobs(const cv::Mat& gray, const BlobOptions& options);

// True when a blob of this box and pixel count could be one character.
bool is_char_shaped(const cv::Rect& box, int pixels, const BlobOptions& options);

}  // namespace anpr::engine
