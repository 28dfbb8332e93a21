// EU strip detection by colour; see eu_band.h.
#include "edge/engine/eu_band.h"

#include <opencv2/imgproc.hpp>

namespace anpr::engine {
namespace {

// OpenCV hue runs 0-180; the strip's reflex blue sits near 110-120. The
// saturation floor keeps gray asphalt and the bluish cast of dusk frames out.
cv::Mat blue_mask(const cv::Mat& bgr) {
  cv::Mat hsv, mask;
  cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
  cv::inRange(hsv, cv::Scalar(98, 90, 40), cv::Scalar(130, 255, 255), mask);
  return mask;
}

}  // namespace

double blue_share(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) return 0.0;
  return static_cast<double>(cv::countNonZero(blue_mask(bgr))) / bgr.total();
}

int leading_blue_columns(const cv::Mat& bgr_row) {
  if (bgr_row.empty() || bgr_row.type() != CV_8UC3) return 0;
  const cv::Mat mask = blue_mask(bgr_row);
  int columns = 0;
  while (columns < mask.cols && cv::countNonZero(mask.col(columns)) * 2 > mask.rows) ++columns;
  return columns;
}

bool is_eu_band(const cv::Mat& bgr_patch) { return blue_share(bgr_patch) > 0.35; }

}  // namespace anpr::engine
