// Character-like blobs; see char_blobs.h.
#include "edge/engine/char_blobs.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "edge/engine/component_box.h"
#include "edge/engine/engine_error.h"

namespace anpr::engine {

bool is_char_shaped(const cv::Rect& box, int pixels, const BlobOptions& options) {
  if (box.height < options.min_height || box.height > options.max_height) return false;
  // '1' and 'I' are narrow, 'W' and 'M' nearly square. Wider blobs are
  // characters run together by blur or a low resolution, common at night;
  // they are kept and counted as several (text_lines.h).
  const double aspect = static_cast<double>(box.width) / box.height;
  if (aspect < 0.08 || aspect > options.max_aspect) return false;
  // Strokes, not solid blocks or thin outlines of something larger.
  const double fill = static_cast<double>(pixels) / box.area();
  return fill > 0.15 && fill < 0.92;
}

namespace {

// A frame holding characters: wider than high, hollow, and no taller than a
// small plate's frame in the detector's work image (taller ones are plates
// whose characters stand clear of the frame; what was cut from them were a
// big plate's strip and rule, read as a letter more). Pieces: at least three
// characters, each a third of the frame's height or more.
constexpr double kMinFrameHeight = 1.3;  // of BlobOptions::min_height
constexpr int kMaxFrameHeight = 64;      // px
constexpr double kMinFrameAspect = 1.5;
constexpr double kMaxFrameFill = 0.5;
constexpr double kFrameEdgeRun = 0.6;    // of the frame's height: a run this long is its edge
constexpr int kMinFramedCharacters = 3;

bool is_frame_shaped(const cv::Rect& box, int pixels, const BlobOptions& options) {
  if (box.height < kMinFrameHeight * options.min_height || box.height > kMaxFrameHeight) return false;
  return box.width >= kMinFrameAspect * box.height && pixels < kMaxFrameFill * box.area();
}

// The characters of frame-shaped component `label` (its box `box`): its
// long horizontal runs are the frame's top and bottom edges, or a rule under
// the text; a character's bar is at most about half a character wide, and a
// character is two thirds of the frame's height or less. With those runs
// cut, what falls apart into character-shaped pieces is taken as the
// characters; empty when fewer come out. Rows only: a frame rolled more
// than a few degrees has no long runs.
std::vector<cv::Rect> framed_characters(const cv::Mat& labels, int label, const cv::Rect& box,
                                        const BlobOptions& options) {
  cv::Mat pieces = labels(box) == label;
  const int edge_run = static_cast<int>(kFrameEdgeRun * box.height);
  for (int y = 0; y < pieces.rows; ++y) {
    uchar* row = pieces.ptr<uchar>(y);
    for (int x = 0; x < pieces.cols;) {
      int end = x;
      while (end < pieces.cols && row[end] != 0) ++end;
      if (end - x >= edge_run) std::fill(row + x, row + end, uchar{0});
      x = end + 1;
    }
  }
  cv::Mat piece_labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(pieces, piece_labels, stats, centroids, 8, CV_32S);
  std::vector<cv::Rect> characters;
  for (int i = 1; i < count; ++i) {
    const cv::Rect piece = component_box(stats, i);
    if (piece.height < box.height / 3 || !is_char_shaped(piece, stats.at<int>(i, cv::CC_STAT_AREA), options)) continue;
    characters.push_back(piece + box.tl());
  }
  if (static_cast<int>(characters.size()) < kMinFramedCharacters) characters.clear();
  return characters;
}

}  // namespace

std::vector<cv::Rect> char_blobs(const cv::Mat& gray, const BlobOptions& options) {
  if (gray.type() != CV_8UC1) throw EngineError("char_blobs needs an 8-bit gray image");
  if (options.block_size < 3 || options.block_size % 2 == 0) {
    throw EngineError("blob block_size " + std::to_string(options.block_size) + " must be odd and at least 3");
  }
  cv::Mat dark;
  cv::adaptiveThreshold(gray, dark, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, options.block_size,
                        options.offset);
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(dark, labels, stats, centroids, 8, CV_32S);
  std::vector<cv::Rect> blobs;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box = component_box(stats, i);
    if (box.x == 0 || box.y == 0 || box.br().x == gray.cols || box.br().y == gray.rows) continue;
    const int pixels = stats.at<int>(i, cv::CC_STAT_AREA);
    if (is_char_shaped(box, pixels, options)) blobs.push_back(box);
    // Kept whole as well: a frame's pieces may be junk where the component was
    // characters run together.
    if (options.free_framed && is_frame_shaped(box, pixels, options)) {
      const std::vector<cv::Rect> characters = framed_characters(labels, i, box, options);
      blobs.insert(blobs.end(), characters.begin(), characters.end());
    }
  }
  return blobs;
}

}  // namespace anpr::engine
