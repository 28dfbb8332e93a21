// Character-like blobs; see char_blobs.h.
#include "edge/engine/char_blobs.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

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

bool touches_edge(const cv::Rect& box, const cv::Size& image) {
  return box.x == 0 || box.y == 0 || box.br().x == image.width || box.br().y == image.height;
}

// Worth peeling: wider than tall and taller than a small character, the
// shape of a plate's dark frame with text joined to it.
bool may_hold_text(const cv::Rect& box, const BlobOptions& options) {
  return box.width > box.height && box.height >= 2 * options.min_height && box.width <= 8 * options.max_height;
}

// The character blobs inside component `label` of `labels` (its box `box`)
// once the rows near its top and bottom that it fills most of the way across
// are taken out: a dark plate frame joins the characters that touch it into
// one component, and its top and bottom edges are those rows.
void add_peeled(const cv::Mat& labels, int label, const cv::Rect& box, const BlobOptions& options,
                std::vector<cv::Rect>& blobs) {
  cv::Mat mask = labels(box) == label;
  cv::Mat row_ink;
  cv::reduce(mask, row_ink, 1, cv::REDUCE_SUM, CV_32S);
  bool peeled = false;
  // Only near the top and bottom: through the middle, the crossbars of a
  // row of E, H or B can be as full as a frame's edge.
  const int band = (box.height * 3 + 9) / 10;
  for (int r = 0; r < box.height; ++r) {
    if ((r < band || r >= box.height - band) && row_ink.at<int>(r) > 255 * options.frame_row_fill * box.width) {
      mask.row(r).setTo(0);
      peeled = true;
    }
  }
  if (!peeled) return;
  cv::Mat parts, stats, centroids;
  const int count = cv::connectedComponentsWithStats(mask, parts, stats, centroids, 8, CV_32S);
  std::vector<cv::Rect> found;
  for (int i = 1; i < count; ++i) {
    const cv::Rect part(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                        stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    // What still reaches the component's left or right end is the frame's side.
    if (part.x == 0 || part.br().x == box.width) continue;
    const cv::Rect in_image = part + box.tl();
    if (!touches_edge(in_image, labels.size()) && is_char_shaped(in_image, stats.at<int>(i, cv::CC_STAT_AREA), options)) {
      found.push_back(in_image);
    }
  }
  // Fewer than three pieces is not text freed from a frame.
  if (found.size() >= 3) blobs.insert(blobs.end(), found.begin(), found.end());
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
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (options.frame_row_fill > 0 && may_hold_text(box, options)) add_peeled(labels, i, box, options, blobs);
    if (touches_edge(box, gray.size())) continue;
    if (is_char_shaped(box, stats.at<int>(i, cv::CC_STAT_AREA), options)) blobs.push_back(box);
  }
  return blobs;
}

}  // namespace anpr::engine
