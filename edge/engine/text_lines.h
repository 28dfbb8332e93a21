// The second detection step: rows of character blobs. One dark blob is
// anything; three or more of the same height, side by side on a straight line,
// are text, and text on a light ground in a street scene is mostly plates.
// The row's line also gives the plate's roll, so the rectifier can undo it.
// Pure geometry on boxes, so it is tested without images.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/quad.h"

namespace anpr::engine {

struct LineOptions {
  int min_chars = 2;          // two-row plates may have two characters a row
  int max_chars = 12;         // longer rows are signs and labels, not plates
  double max_gap = 1.3;       // widest gap between neighbours, in character heights
  double max_height_ratio = 1.4;
  // How far a neighbour may climb per px apart, beyond 0.3 of a character
  // height, to chain (tan 20 degrees): rows steeper than this still chain,
  // their neighbours being close.
  double max_slope = 0.36;
  // Rows steeper than this are not plates (tan 30 degrees). A plate rolled
  // 10 degrees and seen from a car's corner climbs up to about 25: yaw and
  // the camera's pitch add to the roll. Generated views steeper than the
  // generator draws (docs/recognition.md, stop 24): crops 93.5 -> 95.0 %,
  // 640x360 scenes 88.7 -> 92.0 % than at 20 degrees; no plate of the
  // regular dev sets read otherwise.
  double max_row_slope = 0.58;
  double max_join_gap = 2.5;  // joined_lines: the widest gap between two rows of one plate
};

// How many characters a blob stands for: one, or several when it is wider
// than a character because neighbours ran together.
int characters_in(const cv::Rect& blob);

struct TextLine {
  std::vector<cv::Rect> chars;  // blobs, left to right
  int char_count = 0;           // characters_in summed over the blobs
  cv::Point2f axis;             // unit vector along the row, pointing right
  float char_height = 0;        // median blob height
  Quad quad;                    // tight around the blobs, aligned with axis
};

// Chains blobs into rows: each blob is joined to its nearest right neighbour
// of similar height on the same line, closest pairs first, so every blob ends
// in at most one row; end blobs off the line through the rest of their row
// are dropped from it. Rows whose character count (characters_in) is outside
// [min_chars, max_chars], or that are too steep, are dropped. Order of the
// result: left to right by first blob.
std::vector<TextLine> group_lines(std::vector<cv::Rect> blobs, const LineOptions& options);

// Rows that continue one another on the same line, each pair joined into one
// row (the originals stay where they are). The chaining above keeps each blob
// in one row, so a plate whose gap is wider than max_gap (`TR 05YPP`), or
// whose blurred character broke into two overlapping blobs, comes out as two
// rows side by side, and either alone reads as a shorter plate. Joined: rows
// of similar height whose gap is at most `max_join_gap` character heights
// (overlap allowed) and whose blobs sit on the first row's line; at most
// max_chars characters together.
std::vector<TextLine> joined_lines(const std::vector<TextLine>& lines, const LineOptions& options);

// `line` with every coordinate multiplied by `factor`.
TextLine scaled(const TextLine& line, float factor);

// The row through `chars` (left to right, at least one): fitted axis, median
// height and tight quad.
TextLine fit_line(std::vector<cv::Rect> chars);

}  // namespace anpr::engine
