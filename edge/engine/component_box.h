// The box of one connected component as cv::connectedComponentsWithStats
// reports it: the blob finder, the hyphen finder, the sticker remover and
// the I/J check each judge components by their boxes.
#pragma once

#include <opencv2/imgproc.hpp>

namespace anpr::engine {

// The bounding box of component `label` in `stats` (CV_32S, one row a label).
inline cv::Rect component_box(const cv::Mat& stats, int label) {
  return {stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
          stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT)};
}

}  // namespace anpr::engine
