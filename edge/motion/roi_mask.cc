// ROI polygon rasterised at work resolution; see roi_mask.h.
#include "edge/motion/roi_mask.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace anpr::motion {

cv::Mat roi_mask(const std::vector<cv::Point>& polygon, cv::Size frame_size, cv::Size work_size) {
  if (polygon.empty()) return cv::Mat(work_size, CV_8UC1, cv::Scalar(255));
  double sx = static_cast<double>(work_size.width) / frame_size.width;
  double sy = static_cast<double>(work_size.height) / frame_size.height;
  std::vector<cv::Point> scaled;
  scaled.reserve(polygon.size());
  for (const cv::Point& point : polygon) {
    scaled.emplace_back(static_cast<int>(std::lround(point.x * sx)), static_cast<int>(std::lround(point.y * sy)));
  }
  cv::Mat mask(work_size, CV_8UC1, cv::Scalar(0));
  cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{scaled}, cv::Scalar(255));
  return mask;
}

}  // namespace anpr::motion
