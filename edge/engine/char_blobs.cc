// Character-like blobs; see char_blobs.h.
#include "edge/engine/char_blobs.h"

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
    if (is_char_shaped(box, stats.at<int>(i, cv::CC_STAT_AREA), options)) blobs.push_back(box);
  }
  return blobs;
}

}  // namespace anpr::engine
